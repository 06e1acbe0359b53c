import 'server-only';
import { DISPARITY_HIGH_RATIO, DISPARITY_LOW_RATIO, type DisparityMetrics, type DisparityRow } from '@/lib/schemas/metrics';
import { Prisma } from '@/generated/prisma/client';
import { count } from './hit-outcome-sql';
import { judgeGroup } from './disparity-flags';
import type { MetricsRound } from './metrics-round';
import type { PeriodBounds } from './period';
import { rate } from './rates';
import { rollupSource, TRAVELLER_LEVELS } from './weekly-source';

type Counted = bigint | number | null;

/**
 * Hit rate (travellers with at least one hit / travellers screened) and false-positive rate
 * (cleared / decided hits) per nationality of the travellers collected in the period, each
 * against the overall rate, flagged beyond DISPARITY_HIGH_RATIO or below DISPARITY_LOW_RATIO
 * — only for groups of at least `minTravellers` travellers (hit rate) or `minDecided`
 * decided hits (false-positive rate).
 *
 * Hit rates count only travellers Proportio screened itself: an external engine sends only
 * the travellers it matched, so its travellers would all "have a hit". Their decided hits
 * still count toward the false-positive rate, which does not depend on who was screened.
 * A traveller's hits are created when the traveller is screened, so none predates `start`.
 */
export async function readDisparity(round: MetricsRound, bounds: PeriodBounds, minimums: { minTravellers: number; minDecided: number }): Promise<DisparityMetrics> {
  // From the travellers' rollups (./rollups.md; whole weeks from their weekly sums): per day of collection, nationality and
  // whether Proportio screened them, the travellers, those with a hit, and their hits decided
  // and cleared. A nationality shows when the period collected a traveller of it.
  const rows = await round.rows<{ nationality: string | null; travellers: Counted; withHit: Counted; decided: Counted; cleared: Counted }>(Prisma.sql`
    SELECT nullif(r.nationality, '') AS nationality,
      sum(r.travellers) FILTER (WHERE r.screened) AS travellers, sum(r."withHit") FILTER (WHERE r.screened) AS "withHit",
      sum(r."decidedHits") AS decided, sum(r."clearedHits") AS cleared
    FROM ${rollupSource(TRAVELLER_LEVELS, bounds, false)} r
    GROUP BY r.nationality
    HAVING sum(r.travellers) > 0`);

  const sum = (pick: (row: (typeof rows)[number]) => Counted) => rows.reduce((total, row) => total + count(pick(row)), 0);
  const overall = {
    travellers: sum((row) => row.travellers),
    travellersWithHit: sum((row) => row.withHit),
    hitRate: null as number | null,
    decided: sum((row) => row.decided),
    cleared: sum((row) => row.cleared),
    falsePositiveRate: null as number | null,
  };
  overall.hitRate = rate(overall.travellersWithHit, overall.travellers);
  overall.falsePositiveRate = rate(overall.cleared, overall.decided);

  const groups: DisparityRow[] = rows
    .map((row) => {
      const travellers = count(row.travellers);
      const travellersWithHit = count(row.withHit);
      const decided = count(row.decided);
      const cleared = count(row.cleared);
      const hit = judgeGroup(travellersWithHit, travellers, minimums.minTravellers, overall.hitRate);
      const falsePositive = judgeGroup(cleared, decided, minimums.minDecided, overall.falsePositiveRate);
      return {
        nationality: row.nationality?.trim() || null,
        travellers,
        travellersWithHit,
        hitRate: hit.rate,
        hitRateRatio: hit.ratio,
        hitRateFlag: hit.flag,
        decided,
        cleared,
        falsePositiveRate: falsePositive.rate,
        falsePositiveRatio: falsePositive.ratio,
        falsePositiveFlag: falsePositive.flag,
      };
    })
    .sort((a, b) => b.travellers - a.travellers || b.decided - a.decided || (a.nationality ?? '~').localeCompare(b.nationality ?? '~'));
  return { ...minimums, highRatio: DISPARITY_HIGH_RATIO, lowRatio: DISPARITY_LOW_RATIO, overall, groups };
}
