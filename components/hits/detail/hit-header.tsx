'use client';

import { Link } from '@/components/ui/app-link';
import { useEffect, useState, type ReactNode, type RefObject } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatScore, HIT_STATUS_LABELS } from '@/lib/format';
import { OPEN_HIT_STATUSES } from '@/lib/schemas/hit-values';
import type { HitDetail } from '@/lib/schemas/hit-detail';
import { deadlineText } from './detail-format';
import { LocalTime } from '@/components/ui/local-time';
import { useAssignment } from './use-hit-actions';

/** The clock the deadline counts against: the server's render time, then the browser's, every minute. */
function useNow(renderedAt: string): Date {
  const [now, setNow] = useState(() => new Date(renderedAt));
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-muted">{term}</dt>
      <dd className="mt-0.5 text-sm">{children}</dd>
    </div>
  );
}

export function HitHeader({
  hit,
  renderedAt,
  statusRef,
  actions,
}: {
  hit: HitDetail;
  renderedAt: string;
  statusRef: RefObject<HTMLParagraphElement | null>;
  actions: ReactNode;
}) {
  const now = useNow(renderedAt);
  const assignment = useAssignment(hit.id);
  const open = OPEN_HIT_STATUSES.includes(hit.status);
  const deadline = deadlineText(hit.dueAt, now);
  return (
    <header className="mb-6 space-y-4">
      <p className="text-sm">
        <Link href="/hits" className="text-primary underline underline-offset-4">
          Hits
        </Link>
      </p>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">
            <span className="font-mono">{hit.maskedName}</span> <span className="font-normal text-muted">matched</span>{' '}
            {hit.entry.primaryName}
          </h1>
          <p ref={statusRef} tabIndex={-1} className="mt-2 flex flex-wrap items-center gap-2 text-sm">
            <span>Status:</span>
            <Badge>{HIT_STATUS_LABELS[hit.status]}</Badge>
            {hit.decidedBy && hit.decidedAt ? (
              <span className="text-muted">
                by {hit.decidedBy.name}, <LocalTime iso={hit.decidedAt} />
              </span>
            ) : null}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">{actions}</div>
      </div>
      <dl className="grid grid-cols-2 gap-4 rounded-lg border border-border bg-surface p-4 sm:grid-cols-3 lg:grid-cols-6">
        <Item term="Score">
          <span className="tabular-nums">{formatScore(hit.score)}</span>
        </Item>
        <Item term="Priority">{hit.priority}</Item>
        <Item term="List">{hit.entry.sourceName}</Item>
        <Item term="Offence category">{hit.offenceCategory}</Item>
        <Item term="Review due">
          {open ? (
            <span className={deadline.overdue ? 'font-semibold text-danger' : undefined}>{deadline.text}</span>
          ) : null}
          <span className={open ? 'block text-xs text-muted' : undefined}>
            <LocalTime iso={hit.dueAt} />
          </span>
        </Item>
        <Item term="Assignee">
          <span>
            {hit.assignee ? hit.assignee.name : <span className="text-muted">Unassigned</span>}
            {hit.assignee?.id === hit.currentUserId ? ' (you)' : null}
          </span>
          {hit.can.claim || hit.can.release ? (
            <span className="mt-1 flex gap-2">
              {hit.can.claim ? (
                <Button size="sm" variant="secondary" disabled={assignment.isPending} onClick={() => assignment.mutate('claim')}>
                  Claim
                </Button>
              ) : null}
              {hit.can.release ? (
                <Button size="sm" variant="secondary" disabled={assignment.isPending} onClick={() => assignment.mutate('release')}>
                  Release
                </Button>
              ) : null}
            </span>
          ) : null}
        </Item>
      </dl>
    </header>
  );
}
