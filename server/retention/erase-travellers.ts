import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { recordTravellerEvents } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import type { Tx } from '@/server/db';
import { heldWhere } from './holds';
import { collectedPastLimitWhere } from './past-limit';

export interface EraseLimits {
  eraseAfterDays: number;
  clearedEraseAfterDays: number;
}

/** Travellers past their erasure date (PNR art. 12(1)), or the shorter one when every hit was cleared. Held ones included. */
export function dueForErasureWhere(limits: EraseLimits, now: Date): Prisma.Sql {
  return collectedPastLimitWhere(limits.eraseAfterDays, limits.clearedEraseAfterDays, now);
}

/**
 * Erases one batch of travellers past their limit and not held, oldest first, in the
 * caller's transaction: the traveller, its sealed record (and with it the data key — the
 * ciphertext in any backup becomes unreadable), its hits, their history, escalations and
 * packages (cascades), and the cleared-hit memories resting on those hits (PNR art. 12(5)).
 * One ERASURE event per traveller. Rows another transaction holds are skipped.
 */
export async function eraseTravellerBatch(tx: Tx, caller: Caller, limits: EraseLimits, now: Date, batchSize: number, runId: string): Promise<number> {
  const due = await tx.$queryRaw<{ id: string; hits: number }[]>`
    SELECT t.id, (SELECT count(*)::int FROM "Hit" h WHERE h."travellerId" = t.id) AS hits
      FROM "Traveller" t
     WHERE ${dueForErasureWhere(limits, now)} AND NOT ${heldWhere(now)}
     ORDER BY t."collectedAt" LIMIT ${batchSize} FOR UPDATE OF t SKIP LOCKED`;
  if (due.length === 0) return 0;
  const ids = due.map((row) => row.id);
  await tx.$executeRaw`DELETE FROM "Suppression" s USING "Hit" h WHERE s."originHitId" = h.id AND h."travellerId" = ANY(${ids}::uuid[])`;
  await tx.$executeRaw`DELETE FROM "Traveller" WHERE id = ANY(${ids}::uuid[])`;
  await recordTravellerEvents(
    tx,
    caller,
    {
      operation: 'ERASURE',
      resourceType: 'traveller',
      purpose: 'PNR art. 12(1): traveller and hits erased after 5 years (retention)',
      details: { action: 'erase', retentionRunId: runId },
    },
    due.map(({ id, hits }) => ({ travellerId: id, counts: { hits } })),
  );
  return ids.length;
}

/** Cleared-hit memories past the data they rest on (PNR art. 12(5)). */
export async function eraseExpiredSuppressions(tx: Tx, now: Date, batchSize: number): Promise<number> {
  return tx.$executeRaw`DELETE FROM "Suppression" WHERE id IN (SELECT id FROM "Suppression" WHERE "expiresAt" <= ${now} LIMIT ${batchSize})`;
}
