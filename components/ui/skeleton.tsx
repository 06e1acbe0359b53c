import type { ReactNode } from 'react';
import { cn } from './cn';

// Placeholders while a page's data are read on the server, shaped like what comes so the page
// does not jump (components/layout/data-boundary.tsx shows them on client-side navigations; a
// route-level loading.tsx would have answered 200 before the page's permission check, so a
// refusal would no longer be a 403). Hidden from screen readers, which hear the status line
// instead; still for users who ask for reduced motion.

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn('rounded-md bg-border/50 motion-safe:animate-pulse', className)} />;
}

/** The loading status of a page's data (announced once) around its placeholders. */
export function LoadingSection({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="status" className="space-y-6" data-testid="loading-skeleton">
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}

/** A table's header and rows. */
export function TableSkeleton({ rows = 8, columns = 5 }: { rows?: number; columns?: number }) {
  return (
    <div aria-hidden="true" className="overflow-hidden rounded-md border border-border">
      <div className="flex gap-4 bg-surface px-3 py-3">
        {Array.from({ length: columns }, (_, column) => (
          <Skeleton key={column} className="h-3 flex-1" />
        ))}
      </div>
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className="flex gap-4 border-t border-border px-3 py-3">
          {Array.from({ length: columns }, (_, column) => (
            <Skeleton key={column} className={cn('h-4 flex-1', column === 0 && 'max-w-48')} />
          ))}
        </div>
      ))}
    </div>
  );
}

/** A row of form controls (filters, a period). */
export function FormRowSkeleton({ fields = 4 }: { fields?: number }) {
  return (
    <div aria-hidden="true" className="flex flex-wrap gap-3 rounded-md border border-border bg-surface p-4">
      {Array.from({ length: fields }, (_, field) => (
        <div key={field} className="space-y-1">
          <Skeleton className="h-3 w-20" />
          <Skeleton className="h-9 w-40" />
        </div>
      ))}
    </div>
  );
}

/** A bordered panel of term/value lines (a hit, a request, a package). */
export function PanelSkeleton({ lines = 5, className }: { lines?: number; className?: string }) {
  return (
    <div aria-hidden="true" className={cn('space-y-3 rounded-lg border border-border p-4', className)}>
      <Skeleton className="h-5 w-40" />
      {Array.from({ length: lines }, (_, line) => (
        <div key={line} className="flex gap-3">
          <Skeleton className="h-4 w-32" />
          <Skeleton className="h-4 flex-1" />
        </div>
      ))}
    </div>
  );
}
