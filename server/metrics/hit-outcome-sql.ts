import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { MetricsGranularity } from '@/lib/schemas/metrics';

// What a hit's status says about its review, written once for every metric (`h` is the Hit).
// A hit is "decided" once a person cleared, confirmed or asked to escalate it; asking to
// escalate is a confirmation that the match is true, so those count as confirmed too.
// A rejected or withdrawn escalation returns the hit to review: it is undecided again.
export const DECIDED_SQL = Prisma.raw(`h.status IN ('CLEARED', 'CONFIRMED', 'ESCALATION_PENDING', 'ESCALATED')`);
export const CONFIRMED_SQL = Prisma.raw(`h.status IN ('CONFIRMED', 'ESCALATION_PENDING', 'ESCALATED')`);
export const CLEARED_SQL = Prisma.raw(`h.status = 'CLEARED'`);

/**
 * The bucket start of a rollup's `day` column (a date, UTC), as a timestamp to group by: no
 * time-zone conversion per row. Group by it in a subquery and format it outside
 * (`to_char(b, 'YYYY-MM-DD')`), so a year of rollup rows is formatted once per bucket, not per row.
 */
export function dayBucketSql(column: Prisma.Sql, unit: MetricsGranularity): Prisma.Sql {
  return Prisma.sql`date_trunc(${unit}, ${column}::timestamp)`;
}

/** A count from SQL (bigint or numeric) as a number; null stays 0. */
export function count(value: bigint | number | string | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}
