'use client';

import type { ReactNode } from 'react';
import { useNow } from './use-now';

/**
 * A job the server works on: a bar (indeterminate unless the server tells how far it is), the
 * time since it started, and what is known so far (`figures`). The result replaces it when done.
 */
export function RunningProgress({
  id,
  label,
  startedAt,
  figures,
  value,
}: {
  id: string;
  label: string;
  startedAt: number;
  figures?: ReactNode;
  /** When the server tells how far it is: a determinate bar. */
  value?: { done: number; total: number };
}) {
  const now = useNow(1000);
  const elapsed = Math.max(0, Math.round((now - startedAt) / 1000));
  return (
    <div className="space-y-1 text-sm">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {value && value.total > 0 ? (
        <progress id={id} max={value.total} value={Math.min(value.done, value.total)} aria-describedby={`${id}-figures`} className="block h-2 w-full max-w-md accent-primary" />
      ) : (
        // No value: indeterminate.
        <progress id={id} aria-describedby={`${id}-figures`} className="block h-2 w-full max-w-md accent-primary" />
      )}
      <p id={`${id}-figures`} className="text-xs text-muted tabular-nums">
        {figures ? <>{figures} · </> : null}
        {elapsed} s so far
      </p>
    </div>
  );
}
