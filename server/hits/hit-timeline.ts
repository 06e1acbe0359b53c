import 'server-only';
import { CLEAR_REASONS, REVEAL_PURPOSES, REVEALABLE_FIELDS } from '@/lib/schemas/hit';
import type { TimelineEntry } from '@/lib/schemas/hit-detail';
import type { Tx } from '@/server/db';

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

const MAX_VIEWS = 200;

/**
 * The hit's history for its detail page: its own events, plus who opened it and who
 * revealed what (read from the access log; list views are left out), newest first.
 */
export async function hitTimeline(tx: Tx, hit: { id: string; travellerId: string }): Promise<TimelineEntry[]> {
  // One after the other: a transaction is one connection, which runs one query at a time.
  const events = await tx.hitEvent.findMany({
    where: { hitId: hit.id },
    select: { id: true, type: true, at: true, note: true, data: true, actor: { select: { name: true } } },
    orderBy: { at: 'desc' },
  });
  const views = await tx.accessEvent.findMany({
    where: {
      travellerId: hit.travellerId,
      resourceType: 'hit',
      resourceId: hit.id,
      operation: 'CONSULTATION',
      details: { path: ['view'], not: 'hit-list' },
    },
    select: { seq: true, at: true, actorId: true, actorLabel: true, purpose: true, details: true },
    orderBy: { at: 'desc' },
    take: MAX_VIEWS,
  });
  // The log names actors by id and email; the timeline shows people's names.
  const actorIds = [...new Set(views.map((view) => view.actorId).filter((id): id is string => id !== null))];
  const names = new Map(
    (await tx.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]),
  );
  const history: TimelineEntry[] = events.map((event) => {
    const reason = (event.data as { reason?: string } | null)?.reason;
    const reasonText = reason && reason in CLEAR_REASONS ? `: ${CLEAR_REASONS[reason as keyof typeof CLEAR_REASONS]}` : '';
    return {
      id: event.id,
      kind: event.type,
      at: event.at.toISOString(),
      actorName: event.actor?.name ?? null,
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
      actorName: (view.actorId && names.get(view.actorId)) || view.actorLabel,
      text: revealed ? `Revealed ${fieldLabel} — ${view.purpose ?? 'no purpose given'}` : 'Opened the hit',
      note: null,
    };
  });
  return [...history, ...looks].sort((a, b) => b.at.localeCompare(a.at));
}
