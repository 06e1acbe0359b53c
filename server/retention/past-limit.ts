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
      ? Prisma.sql`OR (t."collectedAt" < ${new Date(now.getTime() - clearedDays * DAY_MS)}
                   AND EXISTS (SELECT 1 FROM "Hit" h WHERE h."travellerId" = t.id)
                   AND NOT EXISTS (SELECT 1 FROM "Hit" h WHERE h."travellerId" = t.id AND h.status <> 'CLEARED'))`
      : Prisma.empty;
  return Prisma.sql`(t."collectedAt" < ${before} ${clearedSooner})`;
}
