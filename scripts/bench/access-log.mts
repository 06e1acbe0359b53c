// The access-log benchmark (issue 6): with 40 million events, p95 of the privacy officer's
// searches (first page, by person, by user and week) at 8 concurrent clients ≤ 100 ms, each
// beside the bare SELECT; the added cost of recording one event in a transaction (p95 ≤ 2 ms)
// at 1 and 8 clients; the speed of verifying the chain. Prints figures; it is not a test.
// Needs a production build (`npm run build`). See scripts/bench/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../generated/prisma/client.ts';
import { DEMO_USERS } from '../../prisma/demo-users.ts';
import { ensureScaleEvents, type ScaleEventsResult } from './lib/access-log-data.mts';
import { loadAccessLogFixture, recordingOperations, searchOperations } from './lib/access-log-ops.mts';
import { startApp, type AppServer } from './lib/app-server.mts';
import { openBenchDatabase, type BenchDatabase } from './lib/bench-database.mts';
import { runLoad, warmSample, type LoadResult } from './lib/load.mts';
import { request } from './lib/queue-ops.mts';
import { signIn } from './lib/session.mts';
import { measureVerification, type Verification } from './lib/verify-speed.mts';
import { positiveOption, stopper } from './lib/bench-cli.mts';

const TARGET = { searchP95Ms: 100, recordAddedP95Ms: 2 };

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '40000000' },
    hits: { type: 'string', default: '1000000' },
    clients: { type: 'string', default: '8' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    'verify-seconds': { type: 'string', default: '0' },
    'skip-verify': { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    'app-dir': { type: 'string' },
    'seed-only': { type: 'boolean', default: false },
  },
  strict: true,
});
const events = Math.round(positiveOption('events', values.events));
const hits = Math.round(positiveOption('hits', values.hits));
const clients = Math.round(positiveOption('clients', values.clients));
const durationMs = positiveOption('duration', values.duration) * 1000;
const warmupMs = Number(values.warmup ?? 0) * 1000;
const verifyLimitMs = Number(values['verify-seconds'] ?? 0) * 1000;
const log = (message: string) => console.log(message);

interface Row {
  name: string;
  clients: number;
  main: LoadResult | null;
  /** Direct SQL for a search; the transaction without the event for recording. */
  beside: LoadResult | null;
  /** p95 difference: API − SQL for a search, with − without for recording. */
  addedP95: number;
  perSecond: number;
  target: string;
  met: boolean | null;
}

let database: BenchDatabase | undefined;
let app: AppServer | undefined;
let pool: pg.Pool | undefined;
let prisma: PrismaClient | undefined;
const stopAll = stopper(() => pool?.end(), () => prisma?.$disconnect(), () => app?.stop(), () => database?.stop());

async function measure(op: (client: number, i: number) => Promise<void>, n: number): Promise<LoadResult> {
  if (warmupMs > 0) await runLoad(op, { clients: n, durationMs: warmupMs });
  return runLoad(op, { clients: n, durationMs });
}

/** Walks the chain with verifyChain(); with a limit, stops after it and reports the part walked. */
async function verify(url: string): Promise<Verification> {
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return measureVerification(prisma, verifyLimitMs, log);
}

const ms = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? value.toFixed(1) : '–');
function printTable(rows: readonly Row[], verification: Verification | null): void {
  const header = ['measurement', 'clients', 'p50', 'p95', 'p99', 'per s', 'errors', 'beside p50', 'beside p95', 'added p95', 'target', 'met?'];
  const lines = rows.map((r) => [r.name, String(r.clients), ms(r.main?.p50), ms(r.main?.p95), ms(r.main?.p99), r.perSecond.toFixed(0),
    String((r.main?.errors ?? 0) + (r.beside?.errors ?? 0)), ms(r.beside?.p50), ms(r.beside?.p95), ms(r.addedP95), r.target, r.met === null ? '–' : r.met ? 'yes' : 'NO']);
  if (verification) {
    lines.push([`verify chain (${verification.whole ? 'whole log' : 'first part, time-limited'}: ${verification.events.toLocaleString('en')} events)`, '1',
      '–', '–', '–', verification.eventsPerSecond.toLocaleString('en'), '–', '–', '–', '–', 'events/s', verification.intact === null ? '–' : verification.intact ? 'intact' : 'BROKEN']);
  }
  const widths = header.map((title, c) => Math.max(title.length, ...lines.map((line) => (line[c] ?? '').length)));
  const row = (cells: readonly string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join(' | ');
  console.log(`\n${row(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
  for (const line of lines) console.log(row(line));
  console.log('(milliseconds; searches: API, beside = the bare SELECT; recording: the transaction with the event, beside = without it)\n');
  for (const r of rows) {
    if (r.main?.firstError) console.log(`  ${r.name}: first error: ${r.main.firstError}`);
    if (r.beside?.firstError) console.log(`  ${r.name}: first error (beside): ${r.beside.firstError}`);
  }
}

try {
  database = await openBenchDatabase({ hits, dataDir: values['data-dir'], log });
  const seeding: ScaleEventsResult = await ensureScaleEvents(database.url, events, log);
  if (!values['seed-only']) {
    const rows: Row[] = [];
    pool = new pg.Pool({ connectionString: database.url, max: clients });
    pool.on('error', (error) => log(`pool: ${error.message}`));
    const analyst = DEMO_USERS.find((user) => user.key === 'analyst');
    const officer = DEMO_USERS.find((user) => user.key === 'privacy');
    if (!analyst || !officer) throw new Error('prisma/demo-users.ts has no analyst or privacy officer');
    const fixture = await loadAccessLogFixture(pool, analyst.email, 1000);

    app = await startApp(database.url, log, values['app-dir'] ? path.resolve(values['app-dir']) : undefined);
    const session = await signIn(app.url, officer.email, officer.password);
    log(`app: signed in as ${officer.email}`);
    // At the target's concurrency, then at one client: the latency without queueing, for reference.
    for (const n of [...new Set([clients, 1])]) {
      for (const operation of searchOperations(fixture)) {
        log(`measuring ${operation.name} (${n} client${n > 1 ? 's' : ''}, ${durationMs / 1000} s each way)`);
        await warmSample((i) => operation.sql(pool as pg.Pool, i), operation.sample, n);
        const http = await measure((_, i) => request(session, operation, i), n);
        const sql = await measure((_, i) => operation.sql(pool as pg.Pool, i), n);
        const judged = n === clients;
        const met = judged ? http.errors === 0 && sql.errors === 0 && http.p95 <= TARGET.searchP95Ms : null;
        rows.push({ name: operation.name, clients: n, main: http, beside: sql, addedP95: http.p95 - sql.p95, perSecond: http.perSecond, target: judged ? `p95 ≤ ${TARGET.searchP95Ms}` : '(reference)', met });
      }
    }
    await app.stop();

    const recording = recordingOperations(fixture);
    for (const n of [...new Set([1, clients])]) {
      log(`measuring the cost of recording an event (${n} client${n > 1 ? 's' : ''}, ${durationMs / 1000} s each way)`);
      const without = await measure(() => recording.without(pool as pg.Pool), n);
      const withEvent = await measure((_, i) => recording.with(pool as pg.Pool, i), n);
      const addedP95 = withEvent.p95 - without.p95;
      const met = without.errors === 0 && withEvent.errors === 0 && addedP95 <= TARGET.recordAddedP95Ms;
      rows.push({ name: 'record 1 event in a transaction', clients: n, main: withEvent, beside: without, addedP95, perSecond: withEvent.perSecond, target: `added p95 ≤ ${TARGET.recordAddedP95Ms}`, met });
    }

    let verification: Verification | null = null;
    if (!values['skip-verify']) {
      log(verifyLimitMs > 0 ? `verify: walking the chain for at most ${verifyLimitMs / 1000} s` : 'verify: walking the whole chain');
      verification = await verify(database.url);
    }
    printTable(rows, verification);

    const directory = path.join(import.meta.dirname, 'results');
    mkdirSync(directory, { recursive: true });
    const file = path.join(directory, `access-log-${new Date().toISOString().replace(/:/g, '-').replace(/\..*$/, '')}.json`);
    const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg() };
    writeFileSync(file, `${JSON.stringify({
      benchmark: 'access-log',
      at: new Date().toISOString(),
      events: { target: events, seeding },
      database: process.env.DATABASE_URL ? 'DATABASE_URL' : values['data-dir'] ? 'embedded (kept)' : 'embedded (temporary, fsync off)',
      clients, durationSeconds: durationMs / 1000, warmupSeconds: warmupMs / 1000, target: TARGET,
      fixture: { actor: fixture.actor.email, travellers: fixture.travellerIds.length, windows: fixture.windows.length },
      results: rows, verification, machine,
    }, null, 2)}\n`);
    log(`results: ${path.relative(process.cwd(), file)}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await stopAll();
}
