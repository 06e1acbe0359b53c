import 'server-only';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { hitChangeClauses } from './hit-changes';

/**
 * Claims the most urgent unassigned hit for the caller. SKIP LOCKED makes two analysts
 * pressing "Next hit" at once get different hits; the claim, its history entry and its
 * access event are one statement (hitChangeClauses), so they commit together.
 */
export async function claimNextHit(caller: Caller): Promise<{ id: string }> {
  await requirePermission(caller, 'hits.decide', { type: 'hit-queue', id: 'next' });
  const [hit] = await db().$queryRaw<{ id: string }[]>`
    WITH next AS (
      SELECT h.id, h.status FROM "Hit" h
      WHERE h.status IN ('NEW', 'IN_REVIEW', 'ESCALATION_PENDING') AND h.status <> 'ESCALATION_PENDING'
        AND h."assigneeId" IS NULL
      ORDER BY h."dueAt", h.id
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE "Hit" h SET "assigneeId" = ${caller.actorId}::uuid, status = 'IN_REVIEW', version = h.version + 1, "updatedAt" = now()
      FROM next WHERE h.id = next.id
      RETURNING h.id, h."travellerId", next.status AS from_status
    ), ${hitChangeClauses(caller, 'claimed', { type: 'CLAIMED', toStatus: 'IN_REVIEW' })}
    SELECT id FROM claimed`;
  if (!hit) throw new NotFoundError('No unassigned hits are waiting. Well done.');
  return { id: hit.id };
}
