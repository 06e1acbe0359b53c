import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { ReviewTimeRow } from '@/lib/schemas/metrics';
import { count, dayBucketSql } from './hit-outcome-sql';
import type { MetricsRound } from './metrics-round';
import { fillBuckets, type PeriodBounds } from './period';
import { rate } from './rates';
import { reviewTimePercentileMs, type ReviewTimeBandCount } from './review-time-buckets';
import { REVIEW_TIME_LEVELS, rollupSource } from './weekly-source';

type Row = { bucket: string; bands: number[]; decided: (number | null)[]; late: (number | null)[]; totalMs: (number | null)[] };
type Bands = { bands: ReviewTimeBandCount[]; late: number };

const HOUR_MS = 3_600_000;
const hours = (ms: number | null) => (ms === null ? null : ms / HOUR_MS);

function toRow(bucket: string, value: Bands | undefined): ReviewTimeRow {
  const bands = value?.bands ?? [];
  const decided = bands.reduce((sum, band) => sum + band.decided, 0);
  const pastDeadline = value?.late ?? 0;
  return {
    bucket,
    decided,
    medianHours: hours(reviewTimePercentileMs(bands, 0.5)),
    p90Hours: hours(reviewTimePercentileMs(bands, 0.9)),
    pastDeadline,
    pastDeadlineShare: rate(pastDeadline, decided),
  };
}

/**
 * Time from a hit's creation to the first human decision on it, for the period's decided
 * hits: median and 90th percentile, and how many were decided after their deadline (dueAt).
 * The first decision is a clearance or confirmation (decidedAt) or the first escalation
 * request, whichever came first: an approval later overwrites decidedAt with the
 * supervisor's time, which is not the review the deadline is about.
 *
 * Read from HitReviewTimeRollup and its weekly sums (./rollups.md, ./weekly-source.ts): per day, decided hits by band of review time
 * (5 minutes wide under a day) with the sum of their times. Counts and the share past the
 * deadline are exact; a percentile takes the mean of the band its rank falls in — exact when
 * that band holds one distinct time, otherwise within the band's width (5 minutes under a
 * day, an hour under a week; ./review-time-buckets.ts).
 */
export async function readReviewTime(round: MetricsRound, bounds: PeriodBounds, buckets: readonly string[]): Promise<{ overall: ReviewTimeRow; buckets: ReviewTimeRow[] }> {
  // One row per bucket with its bands as arrays: a year by week is some 6,000 (week, band)
  // pairs, which as rows cost the app more to receive and map than the query costs PostgreSQL.
  const rows = await round.rows<Row>(Prisma.sql`
    SELECT to_char(x.b, 'YYYY-MM-DD') AS bucket, array_agg(x.band) AS bands, array_agg(x.decided) AS decided,
      array_agg(x.late) AS late, array_agg(x."totalMs") AS "totalMs"
    FROM (
      SELECT ${dayBucketSql(Prisma.sql`r.day`, bounds.unit)} AS b, r.bucket AS band,
        -- float8, not numeric (what sum(bigint) gives): a third faster over a year's 43,700 rows,
        -- and exact — whole milliseconds, every partial sum far below 2^53. A (bucket, band)
        -- holds at most a month's hits: its counts fit an integer.
        sum(r.decided)::integer AS decided, sum(r."pastDeadline")::integer AS late, sum(r."totalMs"::float8) AS "totalMs"
      FROM ${rollupSource(REVIEW_TIME_LEVELS, bounds, true)} r
      GROUP BY 1, 2
      HAVING sum(r.decided) <> 0) x
    GROUP BY x.b`);
  const byBucket = new Map<string, Bands>();
  const overallByBand = new Map<number, ReviewTimeBandCount>();
  let overallLate = 0;
  for (const row of rows) {
    const entry = byBucket.get(row.bucket) ?? { bands: [], late: 0 };
    row.bands.forEach((band, i) => {
      const decided = count(row.decided[i]);
      const totalMs = count(row.totalMs[i]);
      const late = count(row.late[i]);
      entry.bands.push({ band, decided, totalMs });
      entry.late += late;
      const overall = overallByBand.get(band) ?? { band, decided: 0, totalMs: 0 };
      overall.decided += decided;
      overall.totalMs += totalMs;
      overallByBand.set(band, overall);
      overallLate += late;
    });
    byBucket.set(row.bucket, entry);
  }
  return {
    overall: toRow('all', { bands: [...overallByBand.values()], late: overallLate }),
    buckets: fillBuckets(buckets, byBucket, () => undefined as Bands | undefined).map(({ bucket, value }) => toRow(bucket, value)),
  };
}
