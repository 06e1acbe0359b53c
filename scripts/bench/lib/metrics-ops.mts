// The metrics benchmark's operations (metrics.mts and run-all.mts): the metrics page's data
// for a period through the API, and the same figures from the raw rows (what every request ran
// before the rollups). The statements the API sends are captured from it, not written here
// again (metrics-capture.mts).
import { send } from './http-client.mts';
import type pg from 'pg';
import type { HttpSession } from './session.mts';

const DAY_MS = 86_400_000;

export interface MetricsPeriod {
  from: string;
  to: string;
  /** from's first instant and the instant after to's last. */
  start: Date;
  end: Date;
  granularity: string;
}

/** The year before yesterday's end: the last 365 whole days. */
export function lastYear(granularity = 'week', now = Date.now()): MetricsPeriod {
  const to = new Date(now - DAY_MS).toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 364 * DAY_MS).toISOString().slice(0, 10);
  return { from, to, start: new Date(`${from}T00:00:00Z`), end: new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS), granularity };
}

// The same figures from the raw rows: the queries the metrics ran before the rollups.
// Reveals are judged through the day before yesterday (server/metrics/period.ts, judgedThrough).
const JUDGED_BEFORE = `(date_trunc('day', now() AT TIME ZONE 'UTC') - interval '1 day') AT TIME ZONE 'UTC'`;
export const RAW_SQL = [
  `SELECT to_char(date_trunc($3, h."createdAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS bucket, count(*),
     count(*) FILTER (WHERE h.status IN ('CLEARED', 'CONFIRMED', 'ESCALATION_PENDING', 'ESCALATED')), count(*) FILTER (WHERE h.status = 'CLEARED'),
     count(*) FILTER (WHERE h.status IN ('CONFIRMED', 'ESCALATION_PENDING', 'ESCALATED'))
   FROM "Hit" h WHERE h."createdAt" >= $1 AND h."createdAt" < $2 GROUP BY 1`,
  `SELECT h."sourceId"::text, h."offenceCategory", GROUPING(h."offenceCategory") = 1, count(*),
     count(*) FILTER (WHERE h.status IN ('CLEARED', 'CONFIRMED', 'ESCALATION_PENDING', 'ESCALATED')), count(*) FILTER (WHERE h.status = 'CLEARED')
   FROM "Hit" h WHERE h."createdAt" >= $1 AND h."createdAt" < $2 GROUP BY GROUPING SETS ((h."sourceId"), (h."offenceCategory"))`,
  `WITH first_request AS (SELECT e."hitId", min(e."createdAt") AS at FROM "Escalation" e WHERE e."createdAt" >= $1 GROUP BY e."hitId"),
   decided AS (
     SELECT to_char(date_trunc($3, h."createdAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS bucket,
       extract(epoch FROM least(h."decidedAt", r.at) - h."createdAt") AS seconds, least(h."decidedAt", r.at) > h."dueAt" AS late
     FROM "Hit" h LEFT JOIN first_request r ON r."hitId" = h.id
     WHERE h."createdAt" >= $1 AND h."createdAt" < $2 AND h.status IN ('CLEARED', 'CONFIRMED', 'ESCALATION_PENDING', 'ESCALATED')
       AND coalesce(h."decidedAt", r.at) IS NOT NULL)
   SELECT bucket, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds), percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds), count(*) FILTER (WHERE late)
   FROM decided GROUP BY GROUPING SETS ((bucket), ())`,
  `WITH per_traveller AS (
     SELECT h."travellerId", count(*) FILTER (WHERE h.status IN ('CLEARED', 'CONFIRMED', 'ESCALATION_PENDING', 'ESCALATED')) AS decided,
       count(*) FILTER (WHERE h.status = 'CLEARED') AS cleared
     FROM "Hit" h WHERE h."createdAt" >= $1 GROUP BY h."travellerId"),
   travellers AS (
     SELECT t.nationality, x."travellerId" IS NOT NULL AS "hasHit", coalesce(x.decided, 0) AS decided, coalesce(x.cleared, 0) AS cleared,
       b.kind IS DISTINCT FROM 'EXTERNAL' AS screened
     FROM "Traveller" t LEFT JOIN "ScreeningBatch" b ON b.id = t."screeningBatchId" LEFT JOIN per_traveller x ON x."travellerId" = t.id
     WHERE t."collectedAt" >= $1 AND t."collectedAt" < $2)
   SELECT nationality, count(*) FILTER (WHERE screened), count(*) FILTER (WHERE screened AND "hasHit"), sum(decided), sum(cleared)
   FROM travellers GROUP BY nationality`,
  `WITH per_source AS (SELECT b.day, b."sourceId", sum(b."travellersScreened") AS n FROM "ScreeningBatch" b
                      WHERE b.day >= ($1::timestamptz AT TIME ZONE 'UTC')::date AND b.day < ($2::timestamptz AT TIME ZONE 'UTC')::date AND b.status = 'COMPLETED' GROUP BY 1, 2),
     daily AS (SELECT day, coalesce(max(n) FILTER (WHERE "sourceId" IS NOT NULL), 0) + coalesce(sum(n) FILTER (WHERE "sourceId" IS NULL), 0) AS n FROM per_source GROUP BY day)
   SELECT to_char(date_trunc($3, day::timestamp), 'YYYY-MM-DD'), sum(n) FROM daily GROUP BY 1`,
  `SELECT to_char(date_trunc($3, h."createdAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD'), count(DISTINCT e."hitId"), count(DISTINCT e."hitId") FILTER (WHERE e.status = 'APPROVED'),
     count(DISTINCT e."hitId") FILTER (WHERE p.id IS NOT NULL)
   FROM "Escalation" e JOIN "Hit" h ON h.id = e."hitId" LEFT JOIN "DisclosurePackage" p ON p."escalationId" = e.id
   WHERE e."createdAt" >= $1 AND h."createdAt" >= $1 AND h."createdAt" < $2 GROUP BY 1`,
  `SELECT to_char(date_trunc($3, h."createdAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD'), count(*), count(*) FILTER (WHERE e.at < ${JUDGED_BEFORE}),
     count(*) FILTER (WHERE e.at < ${JUDGED_BEFORE} AND NOT EXISTS (
       SELECT 1 FROM "HitEvent" he WHERE he."hitId" = h.id AND he."actorId" = e."actorId" AND he.type IN ('CLEARED', 'CONFIRMED', 'ESCALATION_REQUESTED')
         AND he.at BETWEEN e.at AND e.at + interval '24 hours'))
   FROM "AccessEvent" e JOIN "Hit" h ON h.id = e."resourceId"::uuid
   WHERE e.operation = 'CONSULTATION' AND e."resourceType" = 'hit' AND (e.details ->> 'view') = 'reveal'
     AND e.at >= $1 AND h."createdAt" >= $1 AND h."createdAt" < $2 GROUP BY 1`,
];

export interface MetricsTotals {
  screened: number;
  hits: number;
  reviewed: number;
  cleared: number;
}

/** GET /api/v1/metrics for the period; answers the funnel's totals, throws unless 200 with hits. */
export async function metricsViaApi(session: HttpSession, period: MetricsPeriod): Promise<MetricsTotals> {
  const { status, text } = await send(`${session.baseUrl}/api/v1/metrics?from=${period.from}&to=${period.to}&granularity=${period.granularity}`, { headers: { cookie: session.cookie, accept: 'application/json' } });
  if (status !== 200) throw new Error(`/api/v1/metrics answered ${status}: ${text.slice(0, 200)}`);
  const report = JSON.parse(text) as { funnel?: { totals?: MetricsTotals } };
  if (!report.funnel?.totals?.hits) throw new Error('the year has no hits: is the scale data there?');
  return report.funnel.totals;
}

/** The raw-row statements in parallel on the pool's connections: $1/$2 the period's instants, $3 the granularity. */
export async function metricsDirect(pool: pg.Pool, statements: readonly string[], period: MetricsPeriod): Promise<void> {
  const params = [period.start, period.end, period.granularity];
  // Each statement gets the parameters up to the highest it names.
  const highest = (sql: string) => Math.max(...[...sql.matchAll(/\$(\d)/g)].map((match) => Number(match[1])));
  await Promise.all(statements.map((sql) => pool.query(sql, params.slice(0, highest(sql)))));
}
