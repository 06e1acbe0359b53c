'use client';

import { Link } from '@/components/ui/app-link';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { formatAge, HIT_STATUS_LABELS } from '@/lib/format';
import type { HitListItem } from '@/lib/schemas/hit';
import { DECIDABLE_HIT_STATUSES } from '@/lib/schemas/hit-values';

// Cells of the queue table. Urgency is always said in words; colour only repeats it.

const SOON_MS = 2 * 60 * 60 * 1000;

export function travellerCellId(hit: Pick<HitListItem, 'id'>): string {
  return `hit-${hit.id}-traveller`;
}

export function TravellerCell({ hit }: { hit: HitListItem }) {
  const born = hit.yearOfBirth ? `b. ${hit.yearOfBirth}` : 'year of birth unknown';
  return (
    <div>
      <Link href={`/hits/${encodeURIComponent(hit.id)}`} className="font-mono font-medium text-primary underline-offset-4 hover:underline">
        <span className="sr-only">Open hit for </span>
        <span id={travellerCellId(hit)} data-testid="traveller-name">
          {hit.travellerName}
        </span>
      </Link>
      <div className="text-xs whitespace-nowrap text-muted">
        {hit.nationality ?? 'nationality unknown'} · {born}
      </div>
    </div>
  );
}

export function DeadlineCell({ hit, now }: { hit: HitListItem; now: number }) {
  // The 12-hour deadline is for the first human review; decided hits have met it.
  if (!DECIDABLE_HIT_STATUSES.includes(hit.status)) return <span className="text-muted">Reviewed</span>;
  const due = Date.parse(hit.dueAt);
  const left = due - now;
  if (left <= 0) {
    return (
      <span className="inline-flex items-center gap-1 rounded bg-danger-bg px-2 py-0.5 font-semibold whitespace-nowrap text-danger">
        <span aria-hidden="true">⚠</span> Overdue by {formatAge(new Date(due), new Date(now))}
      </span>
    );
  }
  return (
    <span className={cn('whitespace-nowrap', left < SOON_MS && 'font-medium text-warn')}>
      {left < SOON_MS ? 'Due soon: ' : ''}
      {formatAge(new Date(now), new Date(due))} left
    </span>
  );
}

export function StatusCell({ hit }: { hit: HitListItem }) {
  return <Badge>{HIT_STATUS_LABELS[hit.status]}</Badge>;
}

export function AssigneeCell({
  hit,
  currentUserId,
  pending,
  onClaim,
  onRelease,
}: {
  hit: HitListItem;
  currentUserId: string;
  pending: boolean;
  onClaim: (hit: HitListItem) => void;
  onRelease: (hit: HitListItem) => void;
}) {
  // The server lets a hit be claimed or released only until it is decided.
  const open = DECIDABLE_HIT_STATUSES.includes(hit.status);
  const mine = hit.assigneeId === currentUserId;
  return (
    <div className="flex items-center justify-between gap-2">
      <span className={cn('whitespace-nowrap', !hit.assigneeName && 'text-muted')}>
        {mine ? `${hit.assigneeName ?? 'You'} (you)` : (hit.assigneeName ?? 'Unassigned')}
      </span>
      {open && !hit.assigneeId ? (
        <Button size="sm" variant="secondary" disabled={pending} aria-describedby={travellerCellId(hit)} onClick={() => onClaim(hit)}>
          Claim
        </Button>
      ) : null}
      {open && mine ? (
        <Button size="sm" variant="secondary" disabled={pending} aria-describedby={travellerCellId(hit)} onClick={() => onRelease(hit)}>
          Release
        </Button>
      ) : null}
    </div>
  );
}

/** Ticks or clears every row of the page that can be assigned; mixed while some are ticked. */
export function SelectAllCheckbox({ checked, indeterminate, disabled, onToggle }: { checked: boolean; indeterminate: boolean; disabled: boolean; onToggle: () => void }) {
  return (
    <input
      type="checkbox"
      aria-label="Select all hits on this page"
      className="size-4"
      checked={checked}
      disabled={disabled}
      ref={(element) => {
        if (element) element.indeterminate = indeterminate;
      }}
      onChange={onToggle}
    />
  );
}

export function RowCheckbox({ hit, checked, disabled, onToggle }: { hit: HitListItem; checked: boolean; disabled: boolean; onToggle: () => void }) {
  return <input type="checkbox" aria-label={`Select hit for ${hit.travellerName}`} className="size-4" checked={checked} disabled={disabled} onChange={onToggle} />;
}
