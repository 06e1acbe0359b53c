import 'server-only';
import { DECIDABLE_HIT_STATUSES } from '@/lib/schemas/hit';
import type { HitDetail } from '@/lib/schemas/hit-detail';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { hasPermission } from '@/server/auth/permissions';
import { requirePermission } from '@/server/auth/require-permission';
import { db, type Tx } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { toHitDetail, type HitDetailRow } from './hit-detail-view';
import { hitTimeline } from './hit-timeline';
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

/** The detail as `caller` may see it, without recording anything (see getHit). */
export async function readHitDetail(tx: Tx, caller: Caller, hitId: string): Promise<{ detail: HitDetail; travellerId: string }> {
  const read = await readHitDetailRow(tx, hitId);
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
 * recorded in the same transaction as the read.
 */
export async function getHit(caller: Caller, hitId: string): Promise<HitDetail> {
  await requirePermission(caller, 'hits.read', { type: 'hit', id: hitId });
  return db().$transaction(async (tx) => {
    const { detail, travellerId } = await readHitDetail(tx, caller, hitId);
    await recordAccessEvent(tx, caller, {
      operation: 'CONSULTATION',
      resourceType: 'hit',
      resourceId: hitId,
      travellerId,
      purpose: 'Hit review',
      details: { view: 'hit-detail', fields: 'masked' },
    });
    return detail;
  });
}
