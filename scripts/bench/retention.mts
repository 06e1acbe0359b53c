// The retention benchmark (issue 8): on a database of `--hits` hits spread over five years
// (one traveller each), runs the retention job as the server does and prints records
// masked and erased per second (target ≥ 50,000/s) and the longest a queue read waited
// while it ran (target ≤ 100 ms). Destructive: the job masks and erases, so it runs on a
// throw-away cluster unless --data-dir names a copy. Prints figures; it is not a test.
//   node_modules/.bin/tsx --conditions=react-server scripts/bench/retention.mts [--hits 300000]
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { openBenchDatabase, type BenchDatabase } from './lib/bench-database.mts';
import { writeResults } from './lib/report.mts';
import { summarize } from './lib/stats.mts';

const TARGET_PER_SECOND = 50_000;
const TARGET_BLOCK_MS = 100;
const YEAR_MS = 365.25 * 86_400_000;
const ROOT = path.resolve(import.meta.dirname, '../..');

const { values } = parseArgs({
  options: { hits: { type: 'string', default: '300000' }, 'data-dir': { type: 'string' }, 'batch-size': { type: 'string' } },
  strict: true,
});
const hits = Number(values.hits);
if (!Number.isInteger(hits) || hits <= 0) throw new Error(`--hits must be a positive whole number, got ${values.hits}`);
const number = (value: number, digits = 0) => value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const log = (message: string) => console.log(message);

let database: BenchDatabase | undefined;
let pool: pg.Pool | undefined;
try {
  database = await openBenchDatabase({ hits, dataDir: values['data-dir'], log });
  // The job runs in this process, as in the server: server/db.ts reads these when first used.
  process.env.DATABASE_URL = database.url;
  process.env.RETENTION_MASTER_KEY ??= randomBytes(32).toString('base64');
  const { runRetention } = await import('../../server/retention/run-retention.ts');
  const { chainAccessEvents } = await import('../../server/access-log/chainer.ts');
  const { db } = await import('../../server/db.ts');

  pool = new pg.Pool({ connectionString: database.url, max: 1 });
  const url = database.url;
  const counts = async () =>
    (await pool!.query<{ travellers: string; unmasked: string }>(`SELECT count(*)::text AS travellers, count(*) FILTER (WHERE "maskedAt" IS NULL)::text AS unmasked FROM "Traveller"`)).rows[0];

  // One analyst reading the queue's first page back to back while the job runs (in a process of its own).
  async function measurePhase(name: string, now: Date) {
    const before = await counts();
    const reader = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(import.meta.dirname, 'lib/queue-reader.mts'), url], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    reader.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => reader.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      reader.stderr.on('data', (chunk: Buffer) => (chunk.toString().includes('ready') ? resolve() : process.stderr.write(chunk)));
      reader.once('exit', (code) => reject(new Error(`the queue reader exited (${code})`)));
    });
    const started = performance.now();
    const result = await runRetention({ now, batchSize: values['batch-size'] ? Number(values['batch-size']) : undefined });
    const seconds = (performance.now() - started) / 1000;
    reader.stdin.end();
    if ((await exited) !== 0) throw new Error('the queue reader failed');
    const latencies = JSON.parse(output) as number[];
    if (!result) throw new Error('another retention run holds the lock');
    const records = result.masked + result.erased;
    const reads = summarize(latencies);
    const figures = {
      phase: name,
      now: now.toISOString(),
      travellersBefore: Number(before?.travellers),
      unmaskedBefore: Number(before?.unmasked),
      masked: result.masked,
      erased: result.erased,
      held: result.held,
      seconds: Number(seconds.toFixed(2)),
      recordsPerSecond: Math.round(records / seconds),
      queueReads: reads.count,
      queueReadP50Ms: reads.p50,
      queueReadP99Ms: reads.p99,
      queueReadMaxMs: reads.max,
    };
    console.log(
      `${name}: ${number(result.masked)} masked, ${number(result.erased)} erased in ${number(seconds, 1)} s = ${number(figures.recordsPerSecond)} records/s ` +
        `(target ≥ ${number(TARGET_PER_SECOND)}: ${figures.recordsPerSecond >= TARGET_PER_SECOND ? 'met' : 'NOT met'}); ` +
        `queue first page meanwhile: ${number(reads.count)} reads, p50 ${number(reads.p50, 1)} ms, p99 ${number(reads.p99, 1)} ms, longest ${number(reads.max, 1)} ms ` +
        `(target ≤ ${TARGET_BLOCK_MS} ms: ${reads.max <= TARGET_BLOCK_MS ? 'met' : 'NOT met'})`,
    );
    await chainAccessEvents();
    return figures;
  }

  const masking = await measurePhase('masking (now)', new Date());
  // A year on, the oldest fifth of the five years is past its erasure date.
  const erasure = await measurePhase('erasure (a year on)', new Date(Date.now() + YEAR_MS));
  const file = writeResults(path.join(import.meta.dirname, 'results'), { benchmark: 'retention', hits, target: { recordsPerSecond: TARGET_PER_SECOND, queueBlockMs: TARGET_BLOCK_MS }, phases: [masking, erasure] });
  console.log(`written to ${path.relative(process.cwd(), file)}`);
  await db().$disconnect();
} finally {
  await pool?.end().catch(() => {});
  await database?.stop();
}
