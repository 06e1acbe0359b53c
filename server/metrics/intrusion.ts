import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { FunnelBucket, IntrusionMetrics } from '@/lib/schemas/metrics';
import { count, dayBucketSql } from './hit-outcome-sql';
import type { MetricsRound } from './metrics-round';
import { judgedThrough, periodDays, type PeriodBounds } from './period';
import { rate } from './rates';

type Counted = bigint | number | null;

/**
 * How much personal data the review of the period's hits uncovered. A reveal is the access
 * event server/hits/reveal-field.ts records (CONSULTATION of a hit with details.view
 * "reveal"); the decided hits are the funnel's reviewed ones, so both count the same hits.
 * A reveal is "not followed by a decision" when the same user made none on that hit (clear,
 * confirm, escalate) within 24 hours — the rule of the access log's anomaly flag
 * (server/access-log/anomalies/rules.ts), so the two agree.
 *
 * Read from HitRevealRollup (./rollups.md): per day of the hit's creation and day of the
 * reveal, the reveals and how many a decision followed — a year is a few thousand rows, not
 * 160,000 reveals joined to their hits and their history. Only reveals whose whole day is
 * judgeable are judged (judgedThrough): the rollup knows the reveal's day, not its hour, and
 * reading the last day's reveals from the log instead cost more than the rest of the metrics'
 * figures together (2,000 reveals a day, each looked up with its hit and its history).
 */
export async function readIntrusion(round: MetricsRound, bounds: PeriodBounds, now: Date): Promise<(funnel: readonly FunnelBucket[]) => IntrusionMetrics> {
  const { unit } = bounds;
  const { firstDay, lastDay } = periodDays(bounds);
  const judgedDay = judgedThrough(now);
  const [revealed, repersonalisations] = await Promise.all([
    // A period starts at midnight (UTC), so "revealed since it started" is a day condition.
    round.rows<RollupRow>(Prisma.sql`
      SELECT to_char(${dayBucketSql(Prisma.sql`r.day`, unit)}, 'YYYY-MM-DD') AS bucket, sum(r.reveals) AS reveals,
        sum(r.reveals) FILTER (WHERE r."revealDay" <= ${judgedDay}::date) AS judged,
        sum(r.followed) FILTER (WHERE r."revealDay" <= ${judgedDay}::date) AS followed
      FROM "HitRevealRollup" r
      WHERE r.day >= ${firstDay}::date AND r.day <= ${lastDay}::date AND r."revealDay" >= ${firstDay}::date
      GROUP BY 1`),
    // Re-personalisations (PNR art. 12(3)) requested in the period, and the privacy officer's reviews of them.
    round.rows<RepersonalisationRow>(Prisma.sql`
      SELECT count(*) AS requested,
        count(*) FILTER (WHERE e.status = 'APPROVED') AS approved,
        count(*) FILTER (WHERE e.status = 'APPROVED' AND e."dpoReviewedAt" IS NULL) AS awaiting
      FROM "Escalation" e
      WHERE e.repersonalisation AND e."createdAt" >= ${bounds.start} AND e."createdAt" < ${bounds.end}`),
  ]);
  const reveals: RevealRow[] = revealed.map((row) => ({
    bucket: row.bucket,
    reveals: count(row.reveals),
    judged: count(row.judged),
    unfollowed: count(row.judged) - count(row.followed),
  }));
  // Read alongside the funnel; combined with its reviewed counts once both are in.
  return (funnel) => combine(reveals, repersonalisations[0], funnel);
}

type RollupRow = { bucket: string; reveals: Counted; judged: Counted; followed: Counted };
type RevealRow = { bucket: string; reveals: Counted; judged: Counted; unfollowed: Counted };
type RepersonalisationRow = { requested: Counted; approved: Counted; awaiting: Counted };

function combine(reveals: readonly RevealRow[], repersonalised: RepersonalisationRow | undefined, funnel: readonly FunnelBucket[]): IntrusionMetrics {
  const byBucket = new Map(reveals.map((row) => [row.bucket, row]));
  const buckets = funnel.map(({ bucket, counts }) => {
    const revealCount = count(byBucket.get(bucket)?.reveals);
    return { bucket, reveals: revealCount, decided: counts.reviewed, revealsPerDecidedHit: rate(revealCount, counts.reviewed) };
  });
  const total = (pick: (row: RevealRow) => Counted) => reveals.reduce((sum, row) => sum + count(pick(row)), 0);
  const revealTotal = total((row) => row.reveals);
  const decided = buckets.reduce((sum, row) => sum + row.decided, 0);
  const judged = total((row) => row.judged);
  const unfollowed = total((row) => row.unfollowed);
  return {
    buckets,
    totals: {
      reveals: revealTotal,
      decided,
      revealsPerDecidedHit: rate(revealTotal, decided),
      judgedReveals: judged,
      revealsWithoutDecision: unfollowed,
      shareWithoutDecision: rate(unfollowed, judged),
    },
    repersonalisations: { requested: count(repersonalised?.requested), approved: count(repersonalised?.approved), awaitingReview: count(repersonalised?.awaiting) },
  };
}
