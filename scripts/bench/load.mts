// The load script (issue 9, attack suite part 7): autocannon at 1, 10, 50 and 100 connections
// against the queue (GET /api/v1/hits), the hit detail (GET /api/v1/hits/{id}) and a decision
// (POST /api/v1/hits/{id}/decision, a fresh hit each request), `--duration` seconds each, as a
// signed-in analyst. The target is 0 errors. Prints one table and writes bench-results/load-*.json.
// Not a test. Starts its own database and production server, or loads one given with --url.
// See scripts/bench/README.md.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type autocannon from 'autocannon';
import { DEMO_USERS } from '../../prisma/demo-users.ts';
import { ROOT } from '../db/database.mts';
import { startApp, type AppServer } from './lib/app-server.mts';
import { openBenchDatabase, type BenchDatabase } from './lib/bench-database.mts';
import { positiveOption, stopper, wholeOption } from './lib/bench-cli.mts';
import { runCannon, type CannonResult } from './lib/cannon.mts';
import { closeSubmitter, DecisionPool, openSubmitter, submitHits, type HitSubmitter } from './lib/decision-pool.mts';
import { writeResults } from './lib/report.mts';
import { signIn, type HttpSession } from './lib/session.mts';

const OPERATIONS = ['queue', 'detail', 'decision'] as const;
type Operation = (typeof OPERATIONS)[number];

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    hits: { type: 'string', default: '100000' },
    'data-dir': { type: 'string' },
    'app-dir': { type: 'string' },
    duration: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '1,10,50,100' },
    operations: { type: 'string', default: OPERATIONS.join(',') },
    timeout: { type: 'string', default: '10' },
  },
  strict: true,
});
const durationSeconds = positiveOption('duration', values.duration);
// The decision step sizes its pool of hits from the warm-up's rate, so there is always one.
const warmupSeconds = positiveOption('warmup', values.warmup);
const timeoutSeconds = positiveOption('timeout', values.timeout);
const steps = (values.connections ?? '').split(',').map((raw) => wholeOption('connections', raw.trim(), 1000));
const operations = (values.operations ?? '').split(',').map((raw) => {
  const name = raw.trim() as Operation;
  if (!OPERATIONS.includes(name)) throw new Error(`--operations takes ${OPERATIONS.join(', ')}; got ${raw}`);
  return name;
});
const log = (message: string) => console.log(message);
const demo = (key: string) => {
  const user = DEMO_USERS.find((candidate) => candidate.key === key);
  if (!user) throw new Error(`prisma/demo-users.ts has no ${key}`);
  return user;
};

interface Row extends CannonResult {
  endpoint: string;
  loadAverage: { before: number[]; after: number[] };
  note?: string;
}

let database: BenchDatabase | undefined;
let app: AppServer | undefined;
let admin: HttpSession | undefined;
let submitter: HitSubmitter | undefined;
const stopAll = stopper(
  () => (admin && submitter ? closeSubmitter(admin, submitter) : undefined),
  () => app?.stop(),
  () => database?.stop(),
);

/** Ids of hits to open: the first pages of the whole queue (every status), as the analyst sees them. */
async function detailIds(analyst: HttpSession, pages = 10): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < pages; page++) {
    const response = await fetch(`${analyst.baseUrl}/api/v1/hits?status=all${cursor ? `&cursor=${cursor}` : ''}`, { headers: { cookie: analyst.cookie } });
    if (!response.ok) throw new Error(`GET /api/v1/hits answered ${response.status}`);
    const body = (await response.json()) as { items: { id: string }[]; nextCursor: string | null };
    ids.push(...body.items.map((item) => item.id));
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  if (ids.length === 0) throw new Error('the queue is empty: is the database seeded?');
  return ids;
}

/** A decision per request, each on the next hit of the pool; once it runs dry the step is stopped. */
function decisionRequest(pool: DecisionPool, control: { stop?: () => void }, dry: { afterSeconds?: number }): autocannon.Request {
  const started = performance.now();
  return {
    method: 'POST',
    setupRequest: (request) => {
      const id = pool.take();
      if (!id) {
        dry.afterSeconds ??= (performance.now() - started) / 1000;
        control.stop?.();
      }
      // Past the pool's end the last few requests name no hit (404) and count as errors.
      const target = id ?? '00000000-0000-7000-8000-000000000000';
      return { ...request, path: `/api/v1/hits/${target}/decision`, body: JSON.stringify({ decision: 'clear', reason: 'DIFFERENT_NATIONALITY', version: 1 }) };
    },
  };
}

try {
  let baseUrl: string;
  if (values.url) {
    baseUrl = new URL(values.url).origin;
    log(`app: ${baseUrl} (given; it needs the demo users and seeded hits)`);
  } else {
    database = await openBenchDatabase({ hits: Math.round(positiveOption('hits', values.hits)), dataDir: values['data-dir'], log });
    app = await startApp(database.url, log, values['app-dir'] ? path.resolve(values['app-dir']) : undefined);
    baseUrl = app.url;
  }
  const analyst = await signIn(baseUrl, demo('analyst').email, demo('analyst').password);
  log(`signed in as ${demo('analyst').email}`);
  const ids = await detailIds(analyst);
  if (operations.includes('decision')) {
    admin = await signIn(baseUrl, demo('admin').email, demo('admin').password);
    submitter = await openSubmitter(admin, analyst, ids[0] as string);
  }
  // The browser's headers: the session cookie, JSON, and our origin (required on POST with a cookie).
  const headers = { cookie: analyst.cookie, accept: 'application/json', origin: baseUrl, 'content-type': 'application/json' };

  const rows: Row[] = [];
  for (const operation of operations) {
    for (const connections of steps) {
      const step = { url: baseUrl, connections, timeoutSeconds, headers };
      let request: () => autocannon.Request;
      let control: { stop?: () => void } = {};
      let dry: { afterSeconds?: number } = {};
      let note: string | undefined;
      if (operation === 'queue') {
        request = () => ({ method: 'GET', path: '/api/v1/hits' });
      } else if (operation === 'detail') {
        let next = 0;
        request = () => ({ method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/v1/hits/${ids[next++ % ids.length]}` }) });
      } else {
        // Warm up on a small pool; its rate (twice over: a cold server is slower) sizes the measured run's pool.
        const warmSize = connections * 10 + 200;
        const warmPool = new DecisionPool(await submitHits(submitter as HitSubmitter, warmSize));
        const warmDry: { afterSeconds?: number } = {};
        const warm = await runCannon({ ...step, durationSeconds: warmupSeconds, request: decisionRequest(warmPool, control, warmDry) }, control);
        const rate = warm.ok / (warmDry.afterSeconds ?? warm.seconds);
        const size = Math.max(Math.ceil(rate * durationSeconds * 2), warmSize) + connections * 10;
        const pool = new DecisionPool(await submitHits(submitter as HitSubmitter, size));
        control = {};
        dry = {};
        request = () => decisionRequest(pool, control, dry);
        note = `pool of ${size} hits`;
      }
      if (operation !== 'decision') await runCannon({ ...step, durationSeconds: warmupSeconds, request: request() });
      const before = os.loadavg();
      const result = await runCannon({ ...step, durationSeconds, request: request() }, control);
      if (dry.afterSeconds !== undefined) note = `${note}: ran out after ${dry.afterSeconds.toFixed(1)} s`;
      const row: Row = { endpoint: operation, ...result, loadAverage: { before, after: os.loadavg() }, ...(note ? { note } : {}) };
      rows.push(row);
      log(
        `${operation} × ${connections}: ${result.perSecond.toFixed(1)}/s, p50 ${ms(result.p50)}, p95 ${ms(result.p95)}, p99 ${ms(result.p99)} ms, ` +
          `errors ${result.non2xx + result.socketErrors}${result.firstError ? ` (first: ${result.firstError.slice(0, 120)})` : ''}`,
      );
    }
  }
  printTable(rows);
  const file = writeResults(path.join(ROOT, 'bench-results'), {
    benchmark: 'load',
    at: new Date().toISOString(),
    server: values.url ? { url: baseUrl } : { hits: Number(values.hits), seeded: database?.scale, database: process.env.DATABASE_URL ? 'DATABASE_URL' : values['data-dir'] ? 'embedded (kept)' : 'embedded (temporary, fsync off)' },
    durationSeconds,
    warmupSeconds,
    timeoutSeconds,
    latency: 'milliseconds, over the 2xx answers, by nearest rank over every one of them (autocannon’s own histogram percentiles beside)',
    rows,
  });
  log(`results: ${path.relative(process.cwd(), file)}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await stopAll();
}

function ms(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : '–';
}

function printTable(rows: readonly Row[]): void {
  const header = ['endpoint', 'connections', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors'];
  const lines = rows.map((row) => [
    row.endpoint, String(row.connections), row.perSecond.toFixed(1), ms(row.p50), ms(row.p95), ms(row.p99), String(row.non2xx + row.socketErrors),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const format = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ');
  console.log(`\n${format(header)}\n${widths.map((width) => '-'.repeat(width)).join('-|-')}`);
  for (const line of lines) console.log(format(line));
  console.log(`(${durationSeconds} s per row after ${warmupSeconds} s of warm-up; errors: non-2xx answers + connection errors and timeouts over ${timeoutSeconds} s)`);
  for (const row of rows) {
    if (row.firstError) console.log(`  ${row.endpoint} × ${row.connections}: first error: ${row.firstError}`);
    if (row.note) console.log(`  ${row.endpoint} × ${row.connections}: ${row.note}`);
  }
}
