'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { ApiError } from '@/lib/api-client';
import { accessLogKeys, fetchAccessLogPage } from '@/lib/queries/access-log';
import type { AccessEventView, AccessLogPage } from '@/lib/schemas/access-log';
import { formatCount } from '@/components/admin/admin-format';
import { AccessEventTable } from './access-event-table';

/**
 * The person report's events: the newest page as the server rendered it, older pages on
 * request through the search API (same order, keyset cursor). Loaded only when the reader
 * asks — each page is a recorded search — and never refetched in the background.
 */
export function PersonEventPages({
  travellerId,
  initial,
  total,
  canExport,
}: {
  travellerId: string;
  initial: { events: AccessEventView[]; nextCursor: string | null };
  /** Events about the person in the log (the summary's total). */
  total: number;
  canExport: boolean;
}) {
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage, isFetchNextPageError, error } = useInfiniteQuery({
    queryKey: accessLogKeys.personEvents(travellerId, initial.events[0]?.seq ?? null),
    queryFn: ({ pageParam, signal }) => fetchAccessLogPage({ travellerId, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: AccessLogPage) => last.nextCursor,
    initialData: { pages: [{ items: initial.events, nextCursor: initial.nextCursor, persons: null }], pageParams: [null] },
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    refetchOnMount: false,
    retry: false,
  });
  const events = data.pages.flatMap((page) => page.items);
  const complete = !hasNextPage;
  return (
    <div className="space-y-3">
      <p id="person-events-description" className="text-sm text-muted print:text-black" role="status">
        {complete
          ? `All ${formatCount(events.length)} ${events.length === 1 ? 'event' : 'events'} about this person, newest first.`
          : `The ${formatCount(events.length)} most recent of ${formatCount(Math.max(total, events.length))} events about this person, newest first. ${
              canExport ? 'Show older events (before printing, too), or use “Export CSV” or “Export JSON” above for the whole history.' : 'Show older events (before printing, too); a privacy officer who may export can give the whole history.'
            }`}
      </p>
      <AccessEventTable
        events={events}
        caption="Everything that happened to this person's data"
        emptyState="No operation on this person’s data has been recorded."
        busy={isFetchingNextPage}
        describedBy="person-events-description"
        personColumn={false}
      />
      {isFetchNextPageError ? (
        <p role="alert" className="text-sm text-danger">
          The older events could not be loaded: {error instanceof ApiError || error instanceof Error ? error.message : 'try again'}.
        </p>
      ) : null}
      {complete ? null : (
        <Button type="button" variant="secondary" className="print:hidden" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
          {isFetchingNextPage ? 'Loading older events…' : 'Show older events'}
        </Button>
      )}
    </div>
  );
}
