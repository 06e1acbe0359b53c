import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { FunnelBucket, IntrusionMetrics } from '@/lib/schemas/metrics';
import type { Db } from '@/server/db';
import { bucketSql, count } from './hit-outcome-sql';
import type { PeriodBounds } from './period';
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
 */
export async function readIntrusion(client: Db, { start, end, unit }: PeriodBounds, now: Date): Promise<(funnel: readonly FunnelBucket[]) => IntrusionMetrics> {
  const judgeBefore = new Date(now.getTime() - DAY_MS);
  const [reveals, repersonalisations] = await Promise.all([
    client.$queryRaw<RevealRow[]>`
      SELECT ${bucketSql(Prisma.sql`h."createdAt"`, unit)} AS bucket, count(*) AS reveals,
        count(*) FILTER (WHERE e.at < ${judgeBefore}) AS judged,
        count(*) FILTER (WHERE e.at < ${judgeBefore} AND NOT EXISTS (
          SELECT 1 FROM "HitEvent" he
          WHERE he."hitId" = h.id AND he."actorId" = e."actorId"
            AND he.type IN ('CLEARED', 'CONFIRMED', 'ESCALATION_REQUESTED')
            AND he.at BETWEEN e.at AND e.at + interval '24 hours')) AS unfollowed
      FROM "AccessEvent" e
      JOIN "Hit" h ON h.id = e."resourceId"::uuid
      WHERE e.operation = 'CONSULTATION' AND e."resourceType" = 'hit' AND (e.details ->> 'view') = 'reveal'
        AND e.at >= ${start} AND h."createdAt" >= ${start} AND h."createdAt" < ${end}
      GROUP BY 1`,
    // Re-personalisations (PNR art. 12(3)) requested in the period, and the privacy officer's reviews of them.
    client.$queryRaw<RepersonalisationRow[]>`
      SELECT count(*) AS requested,
        count(*) FILTER (WHERE e.status = 'APPROVED') AS approved,
        count(*) FILTER (WHERE e.status = 'APPROVED' AND e."dpoReviewedAt" IS NULL) AS awaiting
      FROM "Escalation" e
      WHERE e.repersonalisation AND e."createdAt" >= ${start} AND e."createdAt" < ${end}`,
  ]);
  // Read alongside the funnel; combined with its reviewed counts once both are in.
  return (funnel) => combine(reveals, repersonalisations[0], funnel);
}

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
