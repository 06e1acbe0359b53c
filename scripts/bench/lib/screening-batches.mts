// The screening batches of a generated data set: the denominator of every proportionality
// figure (server/metrics/screened.ts sums ScreeningBatch.travellersScreened). Written as
// POST /api/v1/screenings writes them — one COMPLETED batch of kind SCREENING per request,
// at most `batchSize` travellers each (the API takes 1,000), against every list at once
// (no sourceId) — for `perDay` travellers on an average day, more in the holidays
// (seasonality.mts). Only the travellers with a hit are stored (scale-data.mts links them to
// the batch of their collection time): storing 1.2 million travellers a day for five years
// is not what this data set is for. Set-based, idempotent (ids from the day and the number).
import type pg from 'pg';
import { SCALE_BATCH_ID } from './scale-sql.mts';
import { screeningDays, type ScreeningDay, type Timeline } from './seasonality.mts';

export interface BatchPlan {
  /** The first UTC day, YYYY-MM-DD; counts[i] batches on the i-th day from it. */
  firstDay: string;
  counts: number[];
  days: ScreeningDay[];
  batchSize: number;
  batches: number;
  travellers: number;
}

const DAYS_PER_STATEMENT = 30;
// The two carrier feeds the generated access log names as the senders (access-log-data.mts).
const FEEDS = ['carrier-feed-lh', 'api-pnr-gateway'];

export function planBatches(line: Timeline, perDay: number, batchSize: number): BatchPlan {
  const days = screeningDays(line, perDay);
  const counts = days.map((day) => Math.ceil(day.travellers / batchSize));
  return {
    firstDay: days[0]?.day ?? new Date(line.startMs).toISOString().slice(0, 10),
    counts,
    days,
    batchSize,
    batches: counts.reduce((sum, n) => sum + n, 0),
    travellers: days.reduce((sum, day) => sum + day.travellers, 0),
  };
}

// $1 days, $2 travellers that day, $3 batches that day, $4 seconds of the day up to now, $5 batch size, $6 feeds.
// Batch k covers the k-th slice of the day and takes about a second per 1,000 travellers.
const INSERT_BATCHES = `
INSERT INTO "ScreeningBatch" (id, "sourceId", day, "travellersScreened", "hitsCreated", "hitsSuppressed", "sensitiveValuesDeleted",
  kind, status, "externalRef", "submittedBy", "startedAt", "finishedAt")
SELECT pg_temp.scale_batch_id(d.day, k), NULL, d.day, x.screened, 0,
  -- Cleared-hit memory: now and then a false positive is not raised again.
  (get_byte(x.r, 0) < 26)::int,
  -- Special-category free text deleted on receipt (a meal or medical request): a few per thousand travellers.
  get_byte(x.r, 1) % 4,
  'SCREENING', 'COMPLETED', 'SCALE-BATCH-' || d.day || '-' || k, ($6::text[])[1 + k % cardinality($6::text[])],
  x.started, x.started + make_interval(secs => 0.2 + x.screened / 1000.0 * (0.5 + get_byte(x.r, 2) / 255.0))
FROM unnest($1::date[], $2::int[], $3::int[], $4::float8[]) AS d(day, travellers, count, open_seconds)
CROSS JOIN LATERAL generate_series(0, d.count - 1) AS k
CROSS JOIN LATERAL (SELECT
  CASE WHEN k < d.count - 1 THEN $5::int ELSE d.travellers - $5::int * (d.count - 1) END AS screened,
  decode(md5('batch:' || d.day || ':' || k), 'hex') AS r,
  date_trunc('milliseconds', d.day::timestamp AT TIME ZONE 'UTC' + make_interval(secs => k * d.open_seconds / d.count)) AS started) x
ORDER BY 1
ON CONFLICT (id) DO NOTHING
`;

/** Writes the plan's batches that are missing; answers how many it added. */
export async function ensureScreeningBatches(
  client: pg.Client,
  plan: BatchPlan,
  endMs: number,
  onProgress?: (batches: number) => void,
): Promise<number> {
  await client.query(SCALE_BATCH_ID);
  let added = 0;
  let done = 0;
  for (let from = 0; from < plan.days.length; from += DAYS_PER_STATEMENT) {
    const slice = plan.days.slice(from, from + DAYS_PER_STATEMENT);
    const counts = plan.counts.slice(from, from + DAYS_PER_STATEMENT);
    const open = slice.map((day) => Math.min(86_400, (endMs - Date.parse(`${day.day}T00:00:00Z`)) / 1000));
    const keep = slice.map((_, i) => (counts[i] as number) > 0);
    const result = await client.query(INSERT_BATCHES, [
      slice.filter((_, i) => keep[i]).map((day) => day.day),
      slice.filter((_, i) => keep[i]).map((day) => day.travellers),
      counts.filter((_, i) => keep[i]),
      open.filter((_, i) => keep[i]),
      plan.batchSize,
      FEEDS,
    ]);
    added += result.rowCount ?? 0;
    done += counts.reduce((sum, n) => sum + n, 0);
    onProgress?.(done);
  }
  return added;
}

/** Sets each generated batch's hitsCreated to the hits that name it (after the hits are written). */
export async function countBatchHits(client: pg.Client): Promise<number> {
  const result = await client.query(`
    UPDATE "ScreeningBatch" b SET "hitsCreated" = c.n
    FROM (SELECT "screeningBatchId" AS id, count(*)::int AS n FROM "Hit" WHERE "screeningBatchId" IS NOT NULL GROUP BY 1) c
    WHERE b.id = c.id AND b."externalRef" LIKE 'SCALE-BATCH-%' AND b."hitsCreated" <> c.n`);
  return result.rowCount ?? 0;
}
