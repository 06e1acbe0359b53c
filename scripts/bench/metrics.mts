// The metrics benchmark (issue 8): on the scale data set (scale-data.mts, five years of hits
// with their travellers), p50/p95/p99 of the metrics page's data for a year's range —
// `GET /api/v1/metrics` as the demo supervisor, several concurrent clients — beside the
// rollup SELECTs the figures now come from, sent straight to PostgreSQL, and the same
// figures computed from the raw rows (what every request cost before the rollups). Prints
// figures; it is not a test. Needs a production build. See scripts/bench/README.md.
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEMO_USERS } from '../../prisma/demo-users.ts';
import { startApp, type AppServer } from './lib/app-server.mts';
import { openBenchDatabase, type BenchDatabase } from './lib/bench-database.mts';
import { runLoad, type LoadResult } from './lib/load.mts';
import { writeResults } from './lib/report.mts';
import { signIn, type HttpSession } from './lib/session.mts';
import { positiveOption, stopper } from './lib/bench-cli.mts';

const TARGET_P95_MS = 200;
const DAY_MS = 86_400_000;

const { values } = parseArgs({
  options: {
    hits: { type: 'string', default: '2000000' },
    clients: { type: 'string', default: '4' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    granularity: { type: 'string', default: 'week' },
    'data-dir': { type: 'string' },
    'app-dir': { type: 'string' },
    'seed-only': { type: 'boolean', default: false },
    'skip-raw': { type: 'boolean', default: false },
  },
  strict: true,
});
const hits = Math.round(positiveOption('hits', values.hits));
const clients = Math.round(positiveOption('clients', values.clients));
const durationMs = positiveOption('duration', values.duration) * 1000;
const warmupMs = Number(values.warmup ?? 0) * 1000;
const granularity = values.granularity ?? 'week';
const log = (message: string) => console.log(message);

// The year before yesterday's end: the last 365 whole days.
const to = new Date(Date.now() - DAY_MS).toISOString().slice(0, 10);
const from = new Date(Date.parse(`${to}T00:00:00Z`) - 364 * DAY_MS).toISOString().slice(0, 10);
const start = new Date(`${from}T00:00:00Z`);
const end = new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS);
const unit = granularity;

// The rollup reads of server/metrics (funnel.ts, false-positives.ts, review-time.ts, disparity.ts), as sent.
const ROLLUP_SQL = [
  `SELECT to_char(date_trunc($3, r.day::timestamp), 'YYYY-MM-DD') AS bucket, sum(r.hits), sum(r.cleared + r.confirmed + r."escalationPending" + r.escalated),
     sum(r.cleared), sum(r.confirmed + r."escalationPending" + r.escalated)
   FROM "HitDailyRollup" r WHERE r.day >= $1::date AND r.day <= $2::date GROUP BY 1`,
  `SELECT r."sourceId"::text, r."offenceCategory", GROUPING(r."offenceCategory") = 1, sum(r.hits), sum(r.cleared + r.confirmed + r."escalationPending" + r.escalated), sum(r.cleared)
   FROM "HitDailyRollup" r WHERE r.day >= $1::date AND r.day <= $2::date
   GROUP BY GROUPING SETS ((r."sourceId"), (r."offenceCategory")) HAVING sum(r.hits) > 0`,
  `SELECT to_char(date_trunc($3, r.day::timestamp), 'YYYY-MM-DD') AS bucket, r.bucket, sum(r.decided), sum(r."pastDeadline"), sum(r."totalMs")
   FROM "HitReviewTimeRollup" r WHERE r.day >= $1::date AND r.day <= $2::date GROUP BY 1, 2 HAVING sum(r.decided) <> 0`,
  `SELECT nullif(r.nationality, ''), sum(r.travellers) FILTER (WHERE r.screened), sum(r."withHit") FILTER (WHERE r.screened), sum(r."decidedHits"), sum(r."clearedHits")
   FROM "TravellerDailyRollup" r WHERE r.day >= $1::date AND r.day <= $2::date GROUP BY r.nationality HAVING sum(r.travellers) > 0`,
];
// The same figures from the raw rows: the queries the metrics ran before the rollups.
const RAW_SQL = [
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
];

let database: BenchDatabase | undefined;
let app: AppServer | undefined;
let pool: pg.Pool | undefined;
const stopAll = stopper(() => pool?.end(), () => app?.stop(), () => database?.stop());

async function viaApi(session: HttpSession): Promise<void> {
  const response = await fetch(`${session.baseUrl}/api/v1/metrics?from=${from}&to=${to}&granularity=${granularity}`, { headers: { cookie: session.cookie, accept: 'application/json' } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`/api/v1/metrics answered ${response.status}: ${text.slice(0, 200)}`);
  const report = JSON.parse(text) as { funnel?: { totals?: { hits?: number } } };
  if (!report.funnel?.totals?.hits) throw new Error('the year has no hits: is the scale data there?');
}

/** The four statements in parallel on the pool's connections, as getMetrics sends its round. */
async function direct(statements: readonly string[], dateParams: 'days' | 'instants'): Promise<void> {
  const params = dateParams === 'days' ? [from, to, unit] : [start, end, unit];
  await Promise.all(statements.map((sql) => (pool as pg.Pool).query(sql, sql.includes('$3') ? params : params.slice(0, 2))));
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');

try {
  database = await openBenchDatabase({ hits, dataDir: values['data-dir'], log });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  // Rollups are filled by the migration's backfill, the triggers and scale-data; fold what is appended.
  await client.query('SELECT metrics_rollups_compact()');
  const sizes = (await client.query<{ name: string; n: string }>(`
    SELECT 'Hit' AS name, count(*)::text AS n FROM "Hit" UNION ALL SELECT 'Traveller', count(*)::text FROM "Traveller"
    UNION ALL SELECT 'HitDailyRollup', count(*)::text FROM "HitDailyRollup" UNION ALL SELECT 'TravellerDailyRollup', count(*)::text FROM "TravellerDailyRollup"
    UNION ALL SELECT 'HitReviewTimeRollup', count(*)::text FROM "HitReviewTimeRollup"
    UNION ALL SELECT 'Hit in the year', count(*)::text FROM "Hit" WHERE "createdAt" >= $1 AND "createdAt" < $2`, [start, end])).rows;
  await client.query('VACUUM ANALYZE "HitDailyRollup", "TravellerDailyRollup", "HitReviewTimeRollup"');
  await client.end();
  const rows = Object.fromEntries(sizes.map((row) => [row.name, Number(row.n)]));
  log(`rows: ${JSON.stringify(rows)}`);
  if (!values['seed-only']) {
    app = await startApp(database.url, log, values['app-dir'] ? path.resolve(values['app-dir']) : undefined);
    const supervisor = DEMO_USERS.find((user) => user.key === 'supervisor');
    if (!supervisor) throw new Error('prisma/demo-users.ts has no supervisor');
    const session = await signIn(app.url, supervisor.email, supervisor.password);
    log(`app: signed in as ${supervisor.email}; period ${from} to ${to} by ${granularity}`);
    pool = new pg.Pool({ connectionString: database.url, max: clients * 4 });

    const measure = async (name: string, op: () => Promise<void>, loadClients: number): Promise<LoadResult> => {
      log(`measuring ${name} (${loadClients} clients, ${durationMs / 1000} s)`);
      if (warmupMs > 0) await runLoad(op, { clients: loadClients, durationMs: warmupMs });
      return runLoad(op, { clients: loadClients, durationMs });
    };
    const results: Record<string, LoadResult> = {};
    results[`API, ${clients} clients`] = await measure('GET /api/v1/metrics', () => viaApi(session), clients);
    results['API, 1 client'] = await measure('GET /api/v1/metrics', () => viaApi(session), 1);
    results[`rollup SQL, ${clients} clients`] = await measure('the rollup SELECTs', () => direct(ROLLUP_SQL, 'days'), clients);
    if (!values['skip-raw']) results[`raw-row SQL, ${clients} clients`] = await measure('the same figures from raw rows', () => direct(RAW_SQL, 'instants'), clients);

    const header = ['measurement', 'p50', 'p95', 'p99', 'req/s', 'errors'];
    const lines = Object.entries(results).map(([name, r]) => [name, ms(r.p50), ms(r.p95), ms(r.p99), r.perSecond.toFixed(1), String(r.errors)]);
    const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
    const row = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ');
    console.log(`\n${row(header)}\n${widths.map((width) => '-'.repeat(width)).join('-|-')}`);
    for (const line of lines) console.log(row(line));
    const api = results[`API, ${clients} clients`] as LoadResult;
    const met = api.errors === 0 && api.p95 <= TARGET_P95_MS;
    console.log(`(milliseconds) target: API p95 ≤ ${TARGET_P95_MS} ms for a year at ${clients} clients — ${met ? 'met' : 'NOT met'}\n`);
    for (const [name, r] of Object.entries(results)) if (r.firstError) console.log(`  ${name}: first error: ${r.firstError}`);

    const file = writeResults(path.join(import.meta.dirname, 'results'), {
      benchmark: 'metrics',
      at: new Date().toISOString(),
      hits: { target: hits, seeded: database.scale },
      rows,
      database: process.env.DATABASE_URL ? 'DATABASE_URL' : values['data-dir'] ? 'embedded (kept)' : 'embedded (temporary, fsync off)',
      period: { from, to, granularity },
      clients,
      durationSeconds: durationMs / 1000,
      warmupSeconds: warmupMs / 1000,
      target: { p95Ms: TARGET_P95_MS },
      met,
      results,
    });
    log(`results: ${path.relative(process.cwd(), file)}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await stopAll();
}
