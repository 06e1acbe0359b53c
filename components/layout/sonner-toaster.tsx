'use client';

import { useEffect } from 'react';
import { Toaster } from 'sonner';
import { toasterMounted } from '@/components/ui/toast';
import type { ThemePreference } from '@/lib/theme';

/** Sonner's Toaster, loaded with the first toast (components/ui/toast.ts). Its own effect subscribes first (children's effects run before their parent's). */
export function SonnerToaster({ theme }: { theme: ThemePreference }) {
  useEffect(() => toasterMounted(), []);
  return <Toaster theme={theme} richColors closeButton position="bottom-right" />;
}
