import 'server-only';
import type { HitClaimResult } from '@/lib/schemas/hit';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db, type Tx } from '@/server/db';
import { explainHitConflict, recordHitChange } from './hit-changes';

const claimSelect = { id: true, travellerId: true, status: true, version: true, assigneeId: true, assignee: { select: { name: true } } } as const;

async function result(tx: Tx, id: string): Promise<HitClaimResult> {
  const hit = await tx.hit.findUniqueOrThrow({ where: { id }, select: claimSelect });
  return { id: hit.id, status: hit.status, version: hit.version, assigneeId: hit.assigneeId, assigneeName: hit.assignee?.name ?? null };
}

/** Takes an unassigned, undecided hit for the caller; refuses one someone else holds. */
export async function claimHit(caller: Caller, hitId: string): Promise<HitClaimResult> {
  await requirePermission(caller, 'hits.decide', { type: 'hit', id: hitId });
  return db().$transaction(async (tx) => {
    const before = await tx.hit.findUnique({ where: { id: hitId }, select: claimSelect });
    if (before?.assigneeId && before.assigneeId === caller.actorId) return result(tx, hitId);
    const { count } = await tx.hit.updateMany({
      where: { id: hitId, assigneeId: null, status: { in: ['NEW', 'IN_REVIEW'] } },
      data: { assigneeId: caller.actorId, status: 'IN_REVIEW', version: { increment: 1 } },
    });
    if (count === 0 || !before) return explainHitConflict(tx, hitId, caller.actorId);
    await recordHitChange(tx, caller, before, { type: 'CLAIMED', fromStatus: before.status, toStatus: 'IN_REVIEW' });
    return result(tx, hitId);
  });
}

/** Gives back a hit the caller holds, so it returns to the unassigned queue. */
export async function releaseHit(caller: Caller, hitId: string): Promise<HitClaimResult> {
  await requirePermission(caller, 'hits.decide', { type: 'hit', id: hitId });
  return db().$transaction(async (tx) => {
    const before = await tx.hit.findUnique({ where: { id: hitId }, select: claimSelect });
    // Releasing what nobody holds is already done: answer the state, change nothing.
    if (before && before.assigneeId === null) return result(tx, hitId);
    const { count } = await tx.hit.updateMany({
      where: { id: hitId, assigneeId: caller.actorId, status: { in: ['NEW', 'IN_REVIEW'] } },
      data: { assigneeId: null, version: { increment: 1 } },
    });
    if (count === 0 || !before) return explainHitConflict(tx, hitId, caller.actorId);
    await recordHitChange(tx, caller, before, { type: 'RELEASED' });
    return result(tx, hitId);
  });
}
