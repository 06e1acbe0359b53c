'use client';

import { Toaster } from 'sonner';
import { useTheme } from './theme-provider';

/** Toasts in the user's theme (sonner's "system" alone would ignore a chosen light or dark). */
export function AppToaster() {
  const { preference } = useTheme();
  return <Toaster theme={preference} richColors closeButton position="bottom-right" />;
}
