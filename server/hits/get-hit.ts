import 'server-only';
import { DECIDABLE_HIT_STATUSES } from '@/lib/schemas/hit';
import type { HitDetail } from '@/lib/schemas/hit-detail';
import type { Caller } from '@/server/auth/caller';
import { hasPermission } from '@/server/auth/permissions';
import { requirePermission } from '@/server/auth/require-permission';
import { db, type Tx } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { toHitDetail, type HitDetailRow } from './hit-detail-view';
import { hitTimeline } from './hit-timeline';
import type { ReadEvent } from '@/server/access-log/record-in-statement';
import { readHitDetailRow } from './read-hit-detail';

function hitEscalationState(row: HitDetailRow, caller: Caller): HitDetail['escalation'] {
  const escalation = row.escalations[0];
  if (!escalation) return null;
  const involved = caller.actorId !== null && (escalation.requesterId === caller.actorId || escalation.deciderId === caller.actorId);
  return {
    id: escalation.id,
    status: escalation.status,
    requesterName: escalation.requester.name,
    createdAt: escalation.createdAt.toISOString(),
    deciderName: escalation.decider?.name ?? null,
    decidedAt: escalation.decidedAt?.toISOString() ?? null,
    decisionNote: escalation.decisionNote,
    canWithdraw: escalation.status === 'PENDING' && escalation.requesterId === caller.actorId,
    canOpenPackage: escalation.status === 'APPROVED' && involved && !!escalation.package && escalation.package.expiresAt > new Date(),
  };
}

/** The detail as `caller` may see it; with `recording`, the read records that event (read-hit-detail.ts). */
export async function readHitDetail(client: Tx, caller: Caller, hitId: string, recording?: ReadEvent): Promise<{ detail: HitDetail; travellerId: string }> {
  const read = await readHitDetailRow(client, hitId, recording);
  if (!read) throw new NotFoundError('This hit does not exist.');
  const { row } = read;
  const open = (DECIDABLE_HIT_STATUSES as readonly string[]).includes(row.status);
  const mine = row.assignee?.id === caller.actorId;
  const mayDecide = hasPermission(caller.role, 'hits.decide');
  const detail: HitDetail = {
    ...toHitDetail(row),
    escalation: hitEscalationState(row, caller),
    timeline: hitTimeline(read.events, read.views),
    can: {
      decide: mayDecide && open && (row.assignee === null || mine),
      reveal: hasPermission(caller.role, 'hits.reveal') && row.traveller.maskedAt === null,
      claim: mayDecide && open && row.assignee === null,
      release: mayDecide && open && mine,
      assign: hasPermission(caller.role, 'hits.assign') && open,
      note: mayDecide,
      escalate: hasPermission(caller.role, 'escalations.request') && open && (row.assignee === null || mine),
    },
    currentUserId: caller.actorId ?? '',
  };
  return { detail, travellerId: row.travellerId };
}

/**
 * Opens a hit: its detail with identifying values masked, and one CONSULTATION event
 * recorded by the statement that reads it (so with the read, or not at all).
 */
export async function getHit(caller: Caller, hitId: string): Promise<HitDetail> {
  await requirePermission(caller, 'hits.read', { type: 'hit', id: hitId });
  return (await readHitDetail(db(), caller, hitId, hitConsultation(caller))).detail;
}

/** The event opening a hit records: its detail, identifying values masked. */
export function hitConsultation(caller: Caller): ReadEvent {
  return { caller, event: { operation: 'CONSULTATION', resourceType: 'hit', purpose: 'Hit review', details: { view: 'hit-detail', fields: 'masked' } } };
}
