'use client';

import { useRouter } from 'next/navigation';
import { useSyncExternalStore, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { accessLogExportHref, accessLogHref } from '@/lib/queries/access-log';
import type { AccessLogPage, AccessLogQuery } from '@/lib/schemas/access-log';
import { AccessEventTable } from './access-event-table';
import { AccessLogSearchForm } from './access-log-search-form';
import { ExportLinks } from './export-links';
import { PersonsFound } from './persons-found';

const subscribe = () => () => {};

/** False on the server and during hydration, true afterwards: the reader's time zone exists only in the browser. */
function useInBrowser(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}

export interface AccessLogBrowserProps {
  query: AccessLogQuery;
  /** Notices from parseAccessLogQuery for URL parameters that were ignored. */
  ignored: { key: string; message: string }[];
  /** The page the server read for this URL (that read is the search's access event). */
  page: AccessLogPage;
  canExport: boolean;
}

/**
 * Search and results. The URL holds the search; every change is a navigation, so the
 * server reads (and records) exactly one search per page shown — nothing is refetched here.
 */
export function AccessLogBrowser({ query, ignored, page, canExport }: AccessLogBrowserProps) {
  const router = useRouter();
  const local = useInBrowser();
  const [pending, startTransition] = useTransition();
  const navigate = (next: AccessLogQuery) => startTransition(() => router.push(accessLogHref(next)));
  const count = page.items.length;

  return (
    <div className="space-y-4">
      <div role="status">
        {ignored.length > 0 ? (
          <ul className="space-y-1 rounded-md border border-warn bg-surface p-3 text-sm text-warn">
            {ignored.map((notice) => (
              <li key={notice.key}>{notice.message}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <AccessLogSearchForm
        query={query}
        local={local}
        pending={pending}
        onSearch={navigate}
        onClear={() => navigate({})}
      />
      {page.persons ? <PersonsFound persons={page.persons} /> : null}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p id="access-log-description" className="text-sm text-muted">
          {count} {count === 1 ? 'event' : 'events'} on this page, newest first{query.cursor ? ' (older page)' : ''}. This search is itself recorded.
        </p>
        {canExport ? <ExportLinks label="Export this search" csvHref={accessLogExportHref(query, 'csv')} jsonHref={accessLogExportHref(query, 'json')} /> : null}
      </div>
      <AccessEventTable events={page.items} caption="Access events" busy={pending} describedBy="access-log-description" emptyState="No access events match this search. Widen the period or remove a filter." />
      <nav aria-label="Pages" className="flex gap-2">
        <Button variant="secondary" disabled={!query.cursor || pending} onClick={() => navigate({ ...query, cursor: undefined })}>
          Newest
        </Button>
        <Button variant="secondary" disabled={!page.nextCursor || pending} onClick={() => page.nextCursor && navigate({ ...query, cursor: page.nextCursor })}>
          Older events
        </Button>
      </nav>
    </div>
  );
}
