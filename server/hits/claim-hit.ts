import 'server-only';
import type { HitClaimResult } from '@/lib/schemas/hit';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { PREPARED } from '@/server/db-statements';
import { NotFoundError } from '@/server/errors';
import { explainHitConflict, hitChangeClauses } from './hit-changes';

/** The hit's holder and state as a claim or release answers them; null when there is no such hit. */
async function claimState(hitId: string): Promise<HitClaimResult | null> {
  const [state] = await db().$queryRaw<HitClaimResult[]>`${PREPARED}
    SELECT h.id, h.status, h.version, h."assigneeId", u.name AS "assigneeName"
      FROM "Hit" h LEFT JOIN "User" u ON u.id = h."assigneeId"
     WHERE h.id = ${hitId}::uuid`;
  return state ?? null;
}

/**
 * What a claim or release that changed nothing answers: the hit as it is when it is already
 * where the caller wanted it (pressing twice is not an error), otherwise why it could not change.
 */
async function unchanged(caller: Caller, hitId: string, done: (state: HitClaimResult) => boolean): Promise<HitClaimResult> {
  const state = await claimState(hitId);
  if (!state) throw new NotFoundError('This hit does not exist.');
  if (done(state)) return state;
  return explainHitConflict(db(), hitId, caller.actorId);
}

/**
 * Takes an unassigned, undecided hit for the caller; refuses one someone else holds. The
 * claim, its history entry and its access event are one statement (hitChangeClauses), so
 * they commit together; the hit is locked first so that the history names the status the
 * claim changed.
 */
export async function claimHit(caller: Caller, hitId: string): Promise<HitClaimResult> {
  await requirePermission(caller, 'hits.decide', { type: 'hit', id: hitId });
  const [claimed] = await db().$queryRaw<HitClaimResult[]>`${PREPARED}
    WITH target AS (
      SELECT id, status FROM "Hit" WHERE id = ${hitId}::uuid FOR UPDATE
    ), claimed AS (
      UPDATE "Hit" h SET "assigneeId" = ${caller.actorId}::uuid, status = 'IN_REVIEW', version = h.version + 1, "updatedAt" = now()
        FROM target
       WHERE h.id = target.id AND h."assigneeId" IS NULL AND h.status IN ('NEW', 'IN_REVIEW')
      RETURNING h.id, h."travellerId", target.status AS from_status, h.status, h.version, h."assigneeId"
    ), ${hitChangeClauses(caller, 'claimed', { type: 'CLAIMED', toStatus: 'IN_REVIEW' })}
    SELECT c.id, c.status, c.version, c."assigneeId", u.name AS "assigneeName"
      FROM claimed c LEFT JOIN "User" u ON u.id = c."assigneeId"`;
  return claimed ?? unchanged(caller, hitId, (state) => state.assigneeId !== null && state.assigneeId === caller.actorId);
}

/** Gives back a hit the caller holds, so it returns to the unassigned queue; one statement, as a claim. */
export async function releaseHit(caller: Caller, hitId: string): Promise<HitClaimResult> {
  await requirePermission(caller, 'hits.decide', { type: 'hit', id: hitId });
  const [released] = await db().$queryRaw<HitClaimResult[]>`${PREPARED}
    WITH released AS (
      UPDATE "Hit" h SET "assigneeId" = NULL, version = h.version + 1, "updatedAt" = now()
       WHERE h.id = ${hitId}::uuid AND h."assigneeId" = ${caller.actorId}::uuid AND h.status IN ('NEW', 'IN_REVIEW')
      RETURNING h.id, h."travellerId", NULL::"HitStatus" AS from_status, h.status, h.version, h."assigneeId"
    ), ${hitChangeClauses(caller, 'released', { type: 'RELEASED' })}
    SELECT r.id, r.status, r.version, r."assigneeId", NULL::text AS "assigneeName" FROM released r`;
  // Releasing what nobody holds is already done: answer the state, change nothing.
  return released ?? unchanged(caller, hitId, (state) => state.assigneeId === null);
}
