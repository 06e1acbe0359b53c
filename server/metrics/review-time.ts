import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { ReviewTimeRow } from '@/lib/schemas/metrics';
import type { Db } from '@/server/db';
import { bucketSql, count, DECIDED_SQL } from './hit-outcome-sql';
import { fillBuckets, type PeriodBounds } from './period';
import { rate } from './rates';

type Row = { bucket: string | null; decided: bigint | number | null; median: number | null; p90: number | null; late: bigint | number | null };

const hours = (seconds: number | null) => (seconds === null ? null : Number(seconds) / 3600);

function toRow(bucket: string, row: Row | undefined): ReviewTimeRow {
  const decided = count(row?.decided);
  const pastDeadline = count(row?.late);
  return { bucket, decided, medianHours: hours(row?.median ?? null), p90Hours: hours(row?.p90 ?? null), pastDeadline, pastDeadlineShare: rate(pastDeadline, decided) };
}

/**
 * Time from a hit's creation to the first human decision on it, for the period's decided
 * hits: median and 90th percentile, and how many were decided after their deadline (dueAt).
 * The first decision is a clearance or confirmation (decidedAt) or the first escalation
 * request, whichever came first: an approval later overwrites decidedAt with the
 * supervisor's time, which is not the review the deadline is about.
 */
export async function readReviewTime(client: Db, { start, end, unit }: PeriodBounds, buckets: readonly string[]): Promise<{ overall: ReviewTimeRow; buckets: ReviewTimeRow[] }> {
  const rows = await client.$queryRaw<Row[]>`
    WITH first_request AS (
      SELECT e."hitId", min(e."createdAt") AS at FROM "Escalation" e WHERE e."createdAt" >= ${start} GROUP BY e."hitId"),
    decided AS (
      SELECT ${bucketSql(Prisma.sql`h."createdAt"`, unit)} AS bucket,
        extract(epoch FROM least(h."decidedAt", r.at) - h."createdAt") AS seconds,
        least(h."decidedAt", r.at) > h."dueAt" AS late
      FROM "Hit" h LEFT JOIN first_request r ON r."hitId" = h.id
      WHERE h."createdAt" >= ${start} AND h."createdAt" < ${end} AND ${DECIDED_SQL} AND coalesce(h."decidedAt", r.at) IS NOT NULL)
    SELECT bucket, count(*) AS decided,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds)::float8 AS median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds)::float8 AS p90,
      count(*) FILTER (WHERE late) AS late
    FROM decided
    GROUP BY GROUPING SETS ((bucket), ())`;
  const overall = rows.find((row) => row.bucket === null);
  const byBucket = new Map(rows.filter((row) => row.bucket !== null).map((row) => [row.bucket as string, row]));
  return {
    overall: toRow('all', overall),
    buckets: fillBuckets(buckets, byBucket, () => undefined as Row | undefined).map(({ bucket, value }) => toRow(bucket, value)),
  };
}

