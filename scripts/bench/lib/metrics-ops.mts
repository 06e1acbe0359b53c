// The metrics benchmark's operations (metrics.mts and run-all.mts): the metrics page's data
// for a period through the API, and beside it the rollup SELECTs server/metrics sends for it
// (funnel.ts, false-positives.ts, review-time.ts, disparity.ts, screened.ts, intrusion.ts) and the same figures from the
// raw rows (what every request ran before the rollups).
import type pg from 'pg';
import type { MetricsGranularity } from '../../../lib/schemas/metrics-values.ts';
import { HIT_LEVELS, REVIEW_TIME_LEVELS, splitPeriod, TRAVELLER_LEVELS, type RollupLevels } from '../../../server/metrics/weekly-source.ts';
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

// A period's rows of a daily rollup as server/metrics/weekly-source.ts reads them: whole weeks
// from the weekly sums ($weeks), the other days from the daily table ($days), and the
// differences not yet merged of the whole weeks' days.
function source(levels: RollupLevels, weeks: string, days: string): string {
  const columns = levels.columns.join(', ');
  return `(SELECT week AS day, ${columns} FROM "${levels.weekly}" WHERE week = ANY (${weeks}::date[])
     UNION ALL SELECT day, ${columns} FROM "${levels.daily}" WHERE day = ANY (${days}::date[])
     UNION ALL SELECT day, ${columns} FROM "${levels.daily}" WHERE NOT merged AND day >= $1::date AND day <= $2::date
       AND date_trunc('week', day::timestamp)::date = ANY (${weeks}::date[]))`;
}

// The rollup reads of server/metrics (funnel.ts, false-positives.ts, review-time.ts, disparity.ts), as sent:
// $4/$5 the weeks and days of the bucketed figures; in those marked WHOLE_PERIOD, summed over
// the period, $3/$4 (metricsDirect).
const WHOLE_PERIOD = '/* summed over the whole period */';
export const ROLLUP_SQL = [
  `SELECT to_char(date_trunc($3, r.day::timestamp), 'YYYY-MM-DD') AS bucket, sum(r.hits), sum(r.cleared + r.confirmed + r."escalationPending" + r.escalated),
     sum(r.cleared), sum(r.confirmed + r."escalationPending" + r.escalated)
   FROM ${source(HIT_LEVELS, '$4', '$5')} r GROUP BY 1`,
  `SELECT r."sourceId"::text, r."offenceCategory", GROUPING(r."offenceCategory") = 1, sum(r.hits), sum(r.cleared + r.confirmed + r."escalationPending" + r.escalated), sum(r.cleared)
   FROM ${source(HIT_LEVELS, '$3', '$4')} r ${WHOLE_PERIOD}
   GROUP BY GROUPING SETS ((r."sourceId"), (r."offenceCategory")) HAVING sum(r.hits) > 0`,
  `SELECT to_char(date_trunc($3, r.day::timestamp), 'YYYY-MM-DD') AS bucket, r.bucket, sum(r.decided), sum(r."pastDeadline"), sum(r."totalMs")
   FROM ${source(REVIEW_TIME_LEVELS, '$4', '$5')} r GROUP BY 1, 2 HAVING sum(r.decided) <> 0`,
  `SELECT nullif(r.nationality, ''), sum(r.travellers) FILTER (WHERE r.screened), sum(r."withHit") FILTER (WHERE r.screened), sum(r."decidedHits"), sum(r."clearedHits")
   FROM ${source(TRAVELLER_LEVELS, '$3', '$4')} r ${WHOLE_PERIOD} GROUP BY r.nationality HAVING sum(r.travellers) > 0`,
  // screened.ts, funnel.ts (escalation stages) and intrusion.ts (migrations 20261127110000 and 20261127110100).
  `WITH per_source AS (SELECT r.day, r."sourceId", sum(r.travellers) AS n FROM "ScreenedDailyRollup" r WHERE r.day >= $1::date AND r.day <= $2::date GROUP BY 1, 2),
     daily AS (SELECT day, coalesce(max(n) FILTER (WHERE "sourceId" IS NOT NULL), 0) + coalesce(sum(n) FILTER (WHERE "sourceId" IS NULL), 0) AS n FROM per_source GROUP BY day)
   SELECT to_char(date_trunc($3, day::timestamp), 'YYYY-MM-DD'), sum(n) FROM daily GROUP BY 1`,
  `SELECT to_char(date_trunc($3, r.day::timestamp), 'YYYY-MM-DD'), sum(r.requested), sum(r.approved), sum(r.disclosed)
   FROM "HitEscalationRollup" r WHERE r.day >= $1::date AND r.day <= $2::date GROUP BY 1`,
  `SELECT to_char(date_trunc($3, r.day::timestamp), 'YYYY-MM-DD'), sum(r.reveals),
     sum(r.reveals) FILTER (WHERE r."revealDay" <= (now() AT TIME ZONE 'UTC')::date - 2), sum(r.followed) FILTER (WHERE r."revealDay" <= (now() AT TIME ZONE 'UTC')::date - 2)
   FROM "HitRevealRollup" r WHERE r.day >= $1::date AND r.day <= $2::date AND r."revealDay" >= $1::date GROUP BY 1`,
];
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
  const response = await fetch(`${session.baseUrl}/api/v1/metrics?from=${period.from}&to=${period.to}&granularity=${period.granularity}`, { headers: { cookie: session.cookie, accept: 'application/json' } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`/api/v1/metrics answered ${response.status}: ${text.slice(0, 200)}`);
  const report = JSON.parse(text) as { funnel?: { totals?: MetricsTotals } };
  if (!report.funnel?.totals?.hits) throw new Error('the year has no hits: is the scale data there?');
  return report.funnel.totals;
}

/** The statements in parallel on the pool's connections, as getMetrics sends its round. */
export async function metricsDirect(pool: pg.Pool, statements: readonly string[], period: MetricsPeriod, dateParams: 'days' | 'instants'): Promise<void> {
  const bucketed = splitPeriod(period.from, period.to, period.granularity as MetricsGranularity);
  const whole = splitPeriod(period.from, period.to, null);
  const dates = dateParams === 'days' ? [period.from, period.to] : [period.start, period.end];
  const paramsOf = (sql: string) => (sql.includes(WHOLE_PERIOD) ? [...dates, whole.weeks, whole.days] : [...dates, period.granularity, bucketed.weeks, bucketed.days]);
  // Each statement gets the parameters up to the highest it names.
  const highest = (sql: string) => Math.max(...[...sql.matchAll(/\$(\d)/g)].map((match) => Number(match[1])));
  await Promise.all(statements.map((sql) => pool.query(sql, paramsOf(sql).slice(0, highest(sql)))));
}
