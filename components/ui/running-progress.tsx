'use client';

import type { ReactNode } from 'react';
import { useNow } from './use-now';

/**
 * A job the server works on without telling how far it is: an indeterminate bar, the time
 * since it started, and what is known so far (`figures`). The result replaces it when done.
 */
export function RunningProgress({ id, label, startedAt, figures }: { id: string; label: string; startedAt: number; figures?: ReactNode }) {
  const now = useNow(1000);
  const elapsed = Math.max(0, Math.round((now - startedAt) / 1000));
  return (
    <div className="space-y-1 text-sm">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {/* No value: indeterminate. */}
      <progress id={id} aria-describedby={`${id}-figures`} className="block h-2 w-full max-w-md accent-primary" />
      <p id={`${id}-figures`} className="text-xs text-muted tabular-nums">
        {figures ? <>{figures} · </> : null}
        {elapsed} s so far
      </p>
    </div>
  );
}
