'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from '@/components/ui/app-link';
import { cn } from '@/components/ui/cn';
import { ApiError } from '@/lib/api-client';
import { escalationListHref, escalationListOptions, type EscalationListStatus } from '@/lib/queries/escalations';
import type { EscalationSummary } from '@/lib/schemas/escalation';
import { EscalationTable } from './escalation-table';

const TABS: { status: EscalationListStatus; label: string }[] = [
  { status: 'PENDING', label: 'Pending' },
  { status: 'DECIDED', label: 'Decided' },
  { status: 'ALL', label: 'All' },
];
// Reachable through the URL only; shown as an extra tab when chosen.
const OTHER_LABELS: Partial<Record<EscalationListStatus, string>> = { APPROVED: 'Approved', REJECTED: 'Rejected', WITHDRAWN: 'Withdrawn' };

const EMPTY: Readonly<Record<EscalationListStatus, string>> = {
  PENDING: 'No escalation requests are waiting for a decision. New requests appear here; the list refreshes every 30 seconds.',
  DECIDED: 'No escalation request has been decided yet. Requests appear here once a supervisor approves or rejects them; see Pending for those waiting.',
  ALL: 'No escalation has been requested yet. An analyst requests one from the hit’s page.',
  APPROVED: 'No approved escalation requests.',
  REJECTED: 'No rejected escalation requests.',
  WITHDRAWN: 'No withdrawn escalation requests.',
};

const ORDER: Readonly<Record<EscalationListStatus, string>> = {
  PENDING: 'oldest first',
  DECIDED: 'newest first',
  ALL: 'newest first',
  APPROVED: 'newest first',
  REJECTED: 'newest first',
  WITHDRAWN: 'newest first',
};

// The clock for ages: starts at the server's render time so hydration matches, then ticks.
function useNow(initial: number): number {
  const [now, setNow] = useState(initial);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The supervisors' list: a status view from the URL, first read on the server, refreshed every 30 s. */
export function EscalationList({ status, initialItems, renderedAt }: { status: EscalationListStatus; initialItems: EscalationSummary[]; renderedAt: number }) {
  const { data: items, isFetching, isError, error } = useQuery({
    ...escalationListOptions(status),
    initialData: initialItems,
    initialDataUpdatedAt: renderedAt,
  });
  const now = useNow(renderedAt);
  const tabs = OTHER_LABELS[status] ? [...TABS, { status, label: OTHER_LABELS[status] }] : TABS;
  const overdue = items.filter((item) => item.overdue).length;

  return (
    <div className="space-y-4">
      <nav aria-label="Escalation status" className="flex flex-wrap items-center gap-3">
        <ul className="flex gap-1 rounded-md border border-border bg-surface p-1">
          {tabs.map((tab) => (
            <li key={tab.status}>
              <Link
                href={escalationListHref(tab.status)}
                aria-current={tab.status === status ? 'page' : undefined}
                className={cn(
                  'block rounded px-3 py-1.5 text-sm font-medium',
                  tab.status === status ? 'bg-bg text-fg underline underline-offset-4 shadow-sm' : 'text-muted hover:bg-border/40',
                )}
              >
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
        <span aria-hidden="true" className="text-sm text-muted">
          {isFetching ? 'Updating…' : ''}
        </span>
      </nav>
      {isError ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-bg p-3 text-sm text-danger">
          Could not refresh the list: {error instanceof ApiError ? error.message : 'the server did not answer.'} The list below is the last one loaded.
        </p>
      ) : null}
      <p id="escalation-list-description" className="text-sm text-muted">
        {items.length} {items.length === 1 ? 'request' : 'requests'}, {ORDER[status]}
        {overdue > 0 ? `; ${overdue} overdue` : ''}. Names are masked; open a request to see its justification beside the hit.
      </p>
      <EscalationTable items={items} now={now} emptyState={EMPTY[status]} />
    </div>
  );
}
