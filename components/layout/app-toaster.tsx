'use client';

import { lazy, Suspense, useEffect, useState } from 'react';
import { registerToasterRequest } from '@/components/ui/toast';
import { useTheme } from './theme-provider';

const SonnerToaster = lazy(() => import('./sonner-toaster').then((module) => ({ default: module.SonnerToaster })));

/** Toasts in the user's theme (sonner's "system" alone would ignore a chosen light or dark), mounted with the first toast. */
export function AppToaster() {
  const { preference } = useTheme();
  const [wanted, setWanted] = useState(false);
  useEffect(() => registerToasterRequest(() => setWanted(true)), []);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <SonnerToaster theme={preference} />
    </Suspense>
  );
}
