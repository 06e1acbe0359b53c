import 'server-only';
import { CLEAR_REASONS, REVEAL_PURPOSES, REVEALABLE_FIELDS } from '@/lib/schemas/hit';
import type { TimelineEntry } from '@/lib/schemas/hit-detail';
import type { HitEventRow, HitViewRow } from './read-hit-detail';

const HISTORY_TEXT: Record<string, string> = {
  CREATED: 'Hit raised by screening',
  CLAIMED: 'Claimed for review',
  RELEASED: 'Released back to the queue',
  ASSIGNED: 'Assigned',
  CLEARED: 'Cleared as a false positive',
  CONFIRMED: 'Confirmed as a true match',
  ESCALATION_REQUESTED: 'Escalation requested',
  ESCALATION_WITHDRAWN: 'Escalation withdrawn',
  ESCALATION_APPROVED: 'Escalation approved',
  ESCALATION_REJECTED: 'Escalation rejected',
  REOPENED: 'Reopened',
  NOTE_ADDED: 'Note added',
};

/**
 * The hit's history for its detail page: its own events, plus who opened it and who
 * revealed what (read from the access log; list views are left out), newest first. The rows
 * come from the detail's one statement (./read-hit-detail.ts).
 */
export function hitTimeline(events: readonly HitEventRow[], views: readonly HitViewRow[]): TimelineEntry[] {
  const history: TimelineEntry[] = events.map((event) => {
    const reason = (event.data as { reason?: string } | null)?.reason;
    const reasonText = reason && reason in CLEAR_REASONS ? `: ${CLEAR_REASONS[reason as keyof typeof CLEAR_REASONS]}` : '';
    return {
      id: event.id,
      kind: event.type,
      at: event.at.toISOString(),
      actorName: event.actorName,
      text: `${HISTORY_TEXT[event.type] ?? event.type}${reasonText}`,
      note: event.note,
    };
  });
  const looks: TimelineEntry[] = views.map((view) => {
    const details = (view.details ?? {}) as { view?: string; field?: keyof typeof REVEALABLE_FIELDS; purposeCode?: keyof typeof REVEAL_PURPOSES };
    const revealed = details.view === 'reveal';
    const fieldLabel = details.field ? (REVEALABLE_FIELDS[details.field] ?? details.field) : 'a field';
    return {
      id: `access-${view.seq.toString()}`,
      kind: revealed ? 'REVEALED' : 'VIEWED',
      at: view.at.toISOString(),
      actorName: (view.actorId && view.actorName) || view.actorLabel,
      text: revealed ? `Revealed ${fieldLabel} — ${view.purpose ?? 'no purpose given'}` : 'Opened the hit',
      note: null,
    };
  });
  return [...history, ...looks].sort((a, b) => b.at.localeCompare(a.at));
}
