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
 * caller's transaction: the traveller, its sealed record (and with it the only copy of its
 * data key), its hits, their history, escalations and
 * packages (cascades), and the cleared-hit memories resting on those hits (PNR art. 12(5)).
 * One ERASURE event per traveller. Rows another transaction holds are skipped.
 */
export async function eraseTravellerBatch(tx: Tx, caller: Caller, limits: EraseLimits, now: Date, batchSize: number, runId: string): Promise<number> {
  const due = await tx.$queryRaw<{ id: string }[]>`
    SELECT t.id FROM "Traveller" t
     WHERE ${dueForErasureWhere(limits, now)} AND NOT ${heldWhere(now)}
     ORDER BY t."collectedAt" LIMIT ${batchSize} FOR UPDATE OF t SKIP LOCKED`;
  if (due.length === 0) return 0;
  const ids = due.map((row) => row.id);
  // The hits first, in one statement with the cleared-hit memories resting on them; what it
  // deleted is also the count of hits each event names (no count per traveller beforehand).
  // Their history, escalations and packages go by cascade; the sealed records with the
  // travellers (trigger "Traveller_sealed_record_delete").
  const counted = await tx.$queryRaw<{ travellerId: string; hits: number }[]>`
    WITH gone AS (DELETE FROM "Hit" WHERE "travellerId" = ANY(${ids}::uuid[]) RETURNING id, "travellerId"),
         memories AS (DELETE FROM "Suppression" s USING gone WHERE s."originHitId" = gone.id)
    SELECT "travellerId", count(*)::int AS hits FROM gone GROUP BY "travellerId"`;
  const hitsOf = new Map(counted.map((row) => [row.travellerId, row.hits]));
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
    ids.map((id) => ({ travellerId: id, counts: { hits: hitsOf.get(id) ?? 0 } })),
  );
  return ids.length;
}

/** Cleared-hit memories past the data they rest on (PNR art. 12(5)). */
export async function eraseExpiredSuppressions(tx: Tx, now: Date, batchSize: number): Promise<number> {
  return tx.$executeRaw`DELETE FROM "Suppression" WHERE id IN (SELECT id FROM "Suppression" WHERE "expiresAt" <= ${now} LIMIT ${batchSize})`;
}
