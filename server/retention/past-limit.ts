import 'server-only';
import { Prisma } from '@/generated/prisma/client';

const DAY_MS = 86_400_000;

/**
 * SQL: traveller t was collected more than `days` ago — or more than `clearedDays` ago when
 * that is shorter and every one of its hits (at least one) was cleared as a false positive,
 * the shorter limit a policy may set for them. Shared by masking and erasure.
 */
export function collectedPastLimitWhere(days: number, clearedDays: number, now: Date): Prisma.Sql {
  const before = new Date(now.getTime() - days * DAY_MS);
  const clearedSooner =
    clearedDays < days
      ? // One look-up of the traveller's hits, true when there is one and all are cleared (NULL
        // without hits). As EXISTS plus NOT EXISTS inside the OR, PostgreSQL hashed every
        // open hit of the table for the second, once per batch.
        Prisma.sql`OR (t."collectedAt" < ${new Date(now.getTime() - clearedDays * DAY_MS)}
                   AND (SELECT bool_and(h.status = 'CLEARED') FROM "Hit" h WHERE h."travellerId" = t.id))`
      : Prisma.empty;
  return Prisma.sql`(t."collectedAt" < ${before} ${clearedSooner})`;
}
