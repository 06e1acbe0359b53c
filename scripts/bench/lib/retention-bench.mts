// One phase of the retention benchmark (retention.mts, run-all.mts): the retention job run
// in this process as the server runs it (runRetention), with its clock at `now`, while a
// separate process (queue-reader.mts) reads the queue's first page back to back straight
// from PostgreSQL; travellers masked and erased per second, and how long the reads waited.
// Destructive. server/db.ts and lib/env.ts read DATABASE_URL once per process: the caller
// sets it to `url` before the first call, and this refuses to run on any other database.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { summarize } from './stats.mts';

export const RETENTION_TARGET = { recordsPerSecond: 50_000, queueBlockMs: 100 };
const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface RetentionPhase {
  phase: string;
  now: string;
  travellersBefore: number;
  unmaskedBefore: number;
  masked: number;
  erased: number;
  held: number | null;
  seconds: number;
  recordsPerSecond: number;
  /** false: stopped at the time limit, the rate is over the part done. */
  whole: boolean;
  queueReads: number;
  queueReadP50Ms: number;
  queueReadP99Ms: number;
  queueReadMaxMs: number;
}

async function counts(url: string): Promise<{ travellers: number; unmasked: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const row = (await client.query<{ travellers: string; unmasked: string }>(
      `SELECT count(*)::text AS travellers, count(*) FILTER (WHERE "maskedAt" IS NULL)::text AS unmasked FROM "Traveller"`,
    )).rows[0];
    return { travellers: Number(row?.travellers ?? 0), unmasked: Number(row?.unmasked ?? 0) };
  } finally {
    await client.end();
  }
}

/** Runs the job once with its clock at `now` (for at most `limitMs`, 0: to the end) beside the queue reader. */
export async function measureRetentionPhase(url: string, name: string, now: Date, options: { batchSize?: number; limitMs?: number } = {}): Promise<RetentionPhase> {
  if (process.env.DATABASE_URL !== url) throw new Error('retention benchmark: set DATABASE_URL to the database it may change before running it');
  process.env.RETENTION_MASTER_KEY ??= randomBytes(32).toString('base64');
  const { env } = await import('../../../lib/env.ts');
  if (env().DATABASE_URL !== url) throw new Error('retention benchmark: this process already uses another database; refusing to run the job');
  const { runRetention } = await import('../../../server/retention/run-retention.ts');
  const { chainAccessEvents } = await import('../../../server/access-log/chainer.ts');

  const before = await counts(url);
  const reader = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['--conditions=react-server', path.join(import.meta.dirname, 'queue-reader.mts'), url], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  reader.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => reader.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    reader.stderr.on('data', (chunk: Buffer) => (chunk.toString().includes('ready') ? resolve() : process.stderr.write(chunk)));
    reader.once('exit', (code) => reject(new Error(`the queue reader exited (${code})`)));
  });
  const limit = new Error('retention time limit');
  const done = { masking: 0, erasure: 0 };
  const started = performance.now();
  let result: Awaited<ReturnType<typeof runRetention>> = null;
  let whole = true;
  try {
    result = await runRetention({
      now,
      batchSize: options.batchSize,
      onProgress: (progress) => {
        if (progress.phase === 'masking' || progress.phase === 'erasure') done[progress.phase] = progress.done;
        if (options.limitMs && performance.now() - started > options.limitMs) throw limit;
      },
    });
    if (!result) throw new Error('another retention run holds the lock');
  } catch (error) {
    if (error !== limit) throw error;
    whole = false;
  } finally {
    reader.stdin.end();
  }
  const seconds = (performance.now() - started) / 1000;
  if ((await exited) !== 0) throw new Error('the queue reader failed');
  const reads = summarize(JSON.parse(output) as number[]);
  await chainAccessEvents();
  const masked = result?.masked ?? done.masking;
  const erased = result?.erased ?? done.erasure;
  return {
    phase: name,
    now: now.toISOString(),
    travellersBefore: before.travellers,
    unmaskedBefore: before.unmasked,
    masked,
    erased,
    held: result?.held ?? null,
    seconds: Number(seconds.toFixed(2)),
    recordsPerSecond: Math.round((masked + erased) / seconds),
    whole,
    queueReads: reads.count,
    queueReadP50Ms: reads.p50,
    queueReadP99Ms: reads.p99,
    queueReadMaxMs: reads.max,
  };
}

/**
 * The clocks of the two phases for the data in the database: as of now (masks what is older
 * than 6 months), and late enough that the oldest fifth of what is stored is past its 5 years.
 */
export async function retentionClocks(url: string): Promise<{ masking: Date; erasure: Date }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const row = (await client.query<{ first: Date | null; last: Date | null }>(`SELECT min("collectedAt") AS first, max("collectedAt") AS last FROM "Traveller"`)).rows[0];
    const now = new Date();
    const first = row?.first?.getTime() ?? now.getTime();
    const last = row?.last?.getTime() ?? now.getTime();
    const fiveYears = new Date(first);
    fiveYears.setUTCFullYear(fiveYears.getUTCFullYear() + 5);
    return { masking: now, erasure: new Date(Math.max(now.getTime(), fiveYears.getTime() + (last - first) / 5)) };
  } finally {
    await client.end();
  }
}
