// The metrics benchmark (issue 8): on the scale data set (scale-data.mts, five years of hits
// with their travellers), p50/p95/p99 of the metrics page's data for a year's range —
// `GET /api/v1/metrics` as the demo supervisor, several concurrent clients — beside the
// statements the API sends for it (captured from its connections, metrics-capture.mts),
// sent straight to PostgreSQL in order on one connection, and the same
// figures computed from the raw rows (what every request cost before the rollups). Prints
// figures; it is not a test. Needs a production build. See scripts/bench/README.md.
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEMO_USERS } from '../../prisma/demo-users.ts';
import { startApp, type AppServer } from './lib/app-server.mts';
import { openBenchDatabase, type BenchDatabase } from './lib/bench-database.mts';
import { runLoad, type LoadResult } from './lib/load.mts';
import { captureMetricsStatements, sendStatements } from './lib/metrics-capture.mts';
import { lastYear, metricsDirect, metricsViaApi, RAW_SQL } from './lib/metrics-ops.mts';
import { writeResults } from './lib/report.mts';
import { signIn, type HttpSession } from './lib/session.mts';
import { positiveOption, stopper } from './lib/bench-cli.mts';

const TARGET_P95_MS = 200;

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

const period = lastYear(granularity);
const { from, to, start, end } = period;

let database: BenchDatabase | undefined;
let app: AppServer | undefined;
let pool: pg.Pool | undefined;
const stopAll = stopper(() => pool?.end(), () => app?.stop(), () => database?.stop());

const viaApi = async (session: HttpSession): Promise<void> => void (await metricsViaApi(session, period));

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
    const statements = await captureMetricsStatements(database.url, period);
    results[`API's SQL, ${clients} clients`] = await measure(`the ${statements.length} statements the API sends (captured)`, () => sendStatements(pool as pg.Pool, statements), clients);
    if (!values['skip-raw']) results[`raw-row SQL, ${clients} clients`] = await measure('the same figures from raw rows', () => metricsDirect(pool as pg.Pool, RAW_SQL, period), clients);

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
