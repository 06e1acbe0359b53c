import 'server-only';
import type { HitStatus } from '@/generated/prisma/enums';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { recordHitChange } from './hit-changes';

/**
 * Claims the most urgent unassigned hit for the caller. SKIP LOCKED makes two analysts
 * pressing "Next hit" at once get different hits; the claim, its history entry and its
 * access event commit together.
 */
export async function claimNextHit(caller: Caller): Promise<{ id: string }> {
  await requirePermission(caller, 'hits.decide', { type: 'hit-queue', id: 'next' });
  return db().$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ id: string; travellerId: string; status: HitStatus; previous: HitStatus }[]>`
      WITH next AS (
        SELECT h.id, h.status FROM "Hit" h
        WHERE h.status IN ('NEW', 'IN_REVIEW', 'ESCALATION_PENDING') AND h.status <> 'ESCALATION_PENDING'
          AND h."assigneeId" IS NULL
        ORDER BY h."dueAt", h.id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
      )
      UPDATE "Hit" h SET "assigneeId" = ${caller.actorId}::uuid, status = 'IN_REVIEW', version = h.version + 1, "updatedAt" = now()
      FROM next WHERE h.id = next.id
      RETURNING h.id, h."travellerId", h.status, next.status AS previous`;
    const hit = claimed[0];
    if (!hit) throw new NotFoundError('No unassigned hits are waiting. Well done.');
    await recordHitChange(tx, caller, hit, { type: 'CLAIMED', fromStatus: hit.previous, toStatus: hit.status });
    return { id: hit.id };
  });
}
