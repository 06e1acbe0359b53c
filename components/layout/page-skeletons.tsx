import { FormRowSkeleton, LoadingSection, PanelSkeleton, Skeleton, TableSkeleton } from '@/components/ui/skeleton';

// What each main page shows while its data stream in (its <Suspense> fallback), below the
// page's real heading: the page's shape, so nothing jumps when the data arrive.

export function HitQueueSkeleton() {
  return (
    <LoadingSection label="Loading the hit queue…">
      <div aria-hidden="true" className="flex gap-3">
        <Skeleton className="h-10 w-32" />
        <Skeleton className="h-10 w-48" />
      </div>
      <FormRowSkeleton fields={6} />
      <TableSkeleton rows={10} columns={7} />
    </LoadingSection>
  );
}

export function EscalationListSkeleton() {
  return (
    <LoadingSection label="Loading the escalation requests…">
      <div aria-hidden="true" className="flex gap-2">
        {Array.from({ length: 3 }, (_, tab) => (
          <Skeleton key={tab} className="h-9 w-28" />
        ))}
      </div>
      <TableSkeleton rows={8} columns={6} />
    </LoadingSection>
  );
}

export function AccessLogSkeleton() {
  return (
    <LoadingSection label="Loading the access log…">
      <FormRowSkeleton fields={6} />
      <TableSkeleton rows={12} columns={7} />
    </LoadingSection>
  );
}

export function MetricsSkeleton() {
  return (
    <LoadingSection label="Loading the metrics…">
      <FormRowSkeleton fields={3} />
      {Array.from({ length: 3 }, (_, section) => (
        <div key={section} aria-hidden="true" className="space-y-3">
          <Skeleton className="h-6 w-72" />
          <Skeleton className="h-64 w-full" />
        </div>
      ))}
    </LoadingSection>
  );
}

/** Users, API tokens, watchlists: an action above a table. */
export function AdminListSkeleton({ label }: { label: string }) {
  return (
    <LoadingSection label={label}>
      <Skeleton className="h-10 w-40" />
      <TableSkeleton rows={6} columns={6} />
    </LoadingSection>
  );
}

export function RetentionSkeleton() {
  return (
    <LoadingSection label="Loading the retention policies, holds and runs…">
      <TableSkeleton rows={4} columns={5} />
      <PanelSkeleton lines={3} />
      <TableSkeleton rows={5} columns={9} />
    </LoadingSection>
  );
}
