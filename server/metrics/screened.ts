import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { count, dayBucketSql } from './hit-outcome-sql';
import type { MetricsRound } from './metrics-round';
import { periodDays, type PeriodBounds } from './period';

/**
 * Travellers screened per bucket of the period, from ScreeningBatch.travellersScreened — not
 * from counting Traveller rows: an external engine sends only the travellers it matched (its
 * batch carries how many it screened), and at a unit's scale (1.2 million a day) only batch
 * counts can be summed within a page's time. The same travellers are screened against every
 * list, so per-list batches of one day count them again: a day counts its largest list, plus
 * the batches run against several lists at once (no sourceId), whose travellers went through
 * every list.
 *
 * Read from ScreenedDailyRollup (./rollups.md): the completed batches' travellers per day and
 * list, a few rows a day instead of every batch (1,200 a day at a unit's scale).
 */
export async function readScreened(round: MetricsRound, bounds: PeriodBounds): Promise<{ bucket: string; screened: number }[]> {
  const { firstDay, lastDay } = periodDays(bounds);
  const rows = await round.rows<{ bucket: string; screened: bigint | number | null }>(Prisma.sql`
    WITH per_source AS (
      SELECT r.day, r."sourceId", sum(r.travellers) AS n
      FROM "ScreenedDailyRollup" r
      WHERE r.day >= ${firstDay}::date AND r.day <= ${lastDay}::date
      GROUP BY r.day, r."sourceId"),
    daily AS (
      SELECT day, coalesce(max(n) FILTER (WHERE "sourceId" IS NOT NULL), 0) + coalesce(sum(n) FILTER (WHERE "sourceId" IS NULL), 0) AS n
      FROM per_source GROUP BY day)
    SELECT to_char(${dayBucketSql(Prisma.sql`day`, bounds.unit)}, 'YYYY-MM-DD') AS bucket, sum(n) AS screened
    FROM daily GROUP BY 1`);
  return rows.map((row) => ({ bucket: row.bucket, screened: count(row.screened) }));
}
