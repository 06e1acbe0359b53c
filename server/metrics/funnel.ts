import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { FunnelBucket, FunnelCounts, MetricsReport } from '@/lib/schemas/metrics';
import { count, dayBucketSql } from './hit-outcome-sql';
import type { MetricsRound } from './metrics-round';
import { fillBuckets, periodDays, type PeriodBounds } from './period';
import { readScreened } from './screened';
import { emptyFunnelCounts, funnelRates } from './rates';
import { HIT_LEVELS, rollupSource } from './weekly-source';

type Counted = bigint | number | null;

// The funnel follows the hits created in the period to where they stand now (a cohort), so
// every stage is a subset of the one before and the rates between them stay at or below 100 %.
// Travellers screened: see ./screened.ts.
export async function readFunnel(round: MetricsRound, bounds: PeriodBounds, buckets: readonly string[]): Promise<MetricsReport['funnel']> {
  const { unit } = bounds;
  const { firstDay, lastDay } = periodDays(bounds);
  const [screened, hits, escalations] = await Promise.all([
    readScreened(round, bounds),
    // From the rollups (./rollups.md), whole weeks from their weekly sums: a year is a few thousand rows, not every hit.
    // Decided = cleared + confirmed + escalation pending + escalated (hit-outcome-sql.ts).
    round.rows<{ bucket: string; hits: Counted; reviewed: Counted; cleared: Counted; confirmed: Counted }>(Prisma.sql`
      SELECT to_char(x.b, 'YYYY-MM-DD') AS bucket, x.hits, x.reviewed, x.cleared, x.confirmed
      FROM (
        SELECT ${dayBucketSql(Prisma.sql`r.day`, unit)} AS b, sum(r.hits) AS hits,
          sum(r.cleared + r.confirmed + r."escalationPending" + r.escalated) AS reviewed,
          sum(r.cleared) AS cleared,
          sum(r.confirmed + r."escalationPending" + r.escalated) AS confirmed
        FROM ${rollupSource(HIT_LEVELS, bounds, true)} r
        GROUP BY 1) x`),
    // A hit may have been escalated more than once (a rejected request, then a new one):
    // counted once. From the rollup of each hit's escalation stages (./rollups.md).
    round.rows<{ bucket: string; requested: Counted; approved: Counted; disclosed: Counted }>(Prisma.sql`
      SELECT to_char(${dayBucketSql(Prisma.sql`r.day`, unit)}, 'YYYY-MM-DD') AS bucket,
        sum(r.requested) AS requested, sum(r.approved) AS approved, sum(r.disclosed) AS disclosed
      FROM "HitEscalationRollup" r
      WHERE r.day >= ${firstDay}::date AND r.day <= ${lastDay}::date
      GROUP BY 1`),
  ]);

  const byBucket = new Map<string, FunnelCounts>();
  const at = (bucket: string) => {
    let counts = byBucket.get(bucket);
    if (!counts) byBucket.set(bucket, (counts = emptyFunnelCounts()));
    return counts;
  };
  for (const row of screened) at(row.bucket).screened = count(row.screened);
  for (const row of hits) Object.assign(at(row.bucket), { hits: count(row.hits), reviewed: count(row.reviewed), cleared: count(row.cleared), confirmed: count(row.confirmed) });
  for (const row of escalations) Object.assign(at(row.bucket), { escalationRequested: count(row.requested), approved: count(row.approved), disclosed: count(row.disclosed) });

  const rows: FunnelBucket[] = fillBuckets(buckets, byBucket, emptyFunnelCounts).map(({ bucket, value }) => ({ bucket, counts: value, rates: funnelRates(value) }));
  const totals = emptyFunnelCounts();
  for (const row of rows) for (const key of Object.keys(totals) as (keyof FunnelCounts)[]) totals[key] += row.counts[key];
  return { buckets: rows, totals, rates: funnelRates(totals) };
}
