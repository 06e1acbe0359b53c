import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { FunnelBucket, IntrusionMetrics } from '@/lib/schemas/metrics';
import type { Db } from '@/server/db';
import { bucketSql, count, dayBucketSql } from './hit-outcome-sql';
import { periodDays, type PeriodBounds } from './period';
import { rate } from './rates';

type Counted = bigint | number | null;
const DAY_MS = 86_400_000;

/**
 * How much personal data the review of the period's hits uncovered. A reveal is the access
 * event server/hits/reveal-field.ts records (CONSULTATION of a hit with details.view
 * "reveal"); the decided hits are the funnel's reviewed ones, so both count the same hits.
 * A reveal is "not followed by a decision" when the same user made none on that hit (clear,
 * confirm, escalate) within 24 hours — the rule of the access log's anomaly flag
 * (server/access-log/anomalies/rules.ts), so the two agree; younger reveals cannot be judged yet.
 *
 * Read from HitRevealRollup (./rollups.md): per day of the hit's creation and day of the
 * reveal, the reveals and how many a decision followed — a year is a few thousand rows, not
 * 160,000 reveals joined to their hits and their history. Which reveals are old enough to
 * judge depends on `now`: those of the last 24 hours (a few hundred) are read from the log
 * itself and taken out of the judged ones.
 */
export async function readIntrusion(client: Db, bounds: PeriodBounds, now: Date): Promise<(funnel: readonly FunnelBucket[]) => IntrusionMetrics> {
  const { start, end, unit } = bounds;
  const { firstDay, lastDay } = periodDays(bounds);
  const judgeBefore = new Date(now.getTime() - DAY_MS);
  const [revealed, recent, repersonalisations] = await Promise.all([
    // A period starts at midnight (UTC), so "revealed since it started" is a day condition.
    client.$queryRaw<RollupRow[]>`
      SELECT to_char(${dayBucketSql(Prisma.sql`r.day`, unit)}, 'YYYY-MM-DD') AS bucket, sum(r.reveals) AS reveals, sum(r.followed) AS followed
      FROM "HitRevealRollup" r
      WHERE r.day >= ${firstDay}::date AND r.day <= ${lastDay}::date AND r."revealDay" >= ${firstDay}::date
      GROUP BY 1`,
    // The reveals too recent to judge (the partial index AccessEvent_reveal_at_idx on `at`).
    client.$queryRaw<RollupRow[]>`
      SELECT ${bucketSql(Prisma.sql`h."createdAt"`, unit)} AS bucket, count(*) AS reveals,
        count(*) FILTER (WHERE metrics_reveal_followed(h.id, e."actorId", e.at)) AS followed
      FROM "AccessEvent" e
      JOIN "Hit" h ON h.id = metrics_reveal_hit(e."resourceId")
      WHERE e.operation = 'CONSULTATION' AND e."resourceType" = 'hit' AND (e.details ->> 'view') = 'reveal'
        AND e.at >= ${judgeBefore} AND e.at >= ${start} AND h."createdAt" >= ${start} AND h."createdAt" < ${end}
      GROUP BY 1`,
    // Re-personalisations (PNR art. 12(3)) requested in the period, and the privacy officer's reviews of them.
    client.$queryRaw<RepersonalisationRow[]>`
      SELECT count(*) AS requested,
        count(*) FILTER (WHERE e.status = 'APPROVED') AS approved,
        count(*) FILTER (WHERE e.status = 'APPROVED' AND e."dpoReviewedAt" IS NULL) AS awaiting
      FROM "Escalation" e
      WHERE e.repersonalisation AND e."createdAt" >= ${start} AND e."createdAt" < ${end}`,
  ]);
  const recentByBucket = new Map(recent.map((row) => [row.bucket, row]));
  const reveals: RevealRow[] = revealed.map((row) => {
    const young = recentByBucket.get(row.bucket);
    const judged = count(row.reveals) - count(young?.reveals);
    return { bucket: row.bucket, reveals: count(row.reveals), judged, unfollowed: judged - (count(row.followed) - count(young?.followed)) };
  });
  // Read alongside the funnel; combined with its reviewed counts once both are in.
  return (funnel) => combine(reveals, repersonalisations[0], funnel);
}

type RollupRow = { bucket: string; reveals: Counted; followed: Counted };
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
