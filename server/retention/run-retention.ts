import 'server-only';
import pg from 'pg';
import { env } from '@/lib/env';
import type { RetentionRunPhase } from '@/lib/schemas/retention';
import { systemCaller, type Caller } from '@/server/auth/caller';
import { db, type Tx } from '@/server/db';
import { storableErrorMessage } from '@/server/errors';
import { eraseAccessEventBatch } from './erase-access-events';
import { eraseExpiredIdempotencyKeys } from './erase-idempotency-keys';
import { dueForErasureWhere, eraseExpiredSuppressions, eraseTravellerBatch } from './erase-travellers';
import { heldWhere } from './holds';
import { dueForMaskingWhere, maskTravellerBatch } from './mask-travellers';
import { readRetentionLimits } from './retention-policies';

export interface RetentionRunResult {
  runId: string;
  dryRun: boolean;
  /** Travellers masked (or, in a dry run, due for masking). */
  masked: number;
  /** Travellers erased with their hits (or due for erasure). */
  erased: number;
  /** Travellers past their erasure date but held by an open escalation. */
  held: number;
  /** Cleared-hit memories erased with the data they rested on (or due). */
  suppressionsErased: number;
  /** Access events erased after 5 years, from the start of the chain (or due). */
  eventsErased: number;
  durationMs: number;
  /** Stopped by hand before its work was done (its counts are what it did until then). */
  stopped: boolean;
}

export interface RetentionProgress {
  phase: Exclude<RetentionRunPhase, 'counting'>;
  done: number;
}

export interface RetentionOptions {
  /** The job's clock: tests and `npm run retention -- --now` move it. */
  now?: Date;
  dryRun?: boolean;
  batchSize?: number;
  caller?: Caller;
  onProgress?: (progress: RetentionProgress) => void;
  /** Runs in the transaction that creates the run's row: a start by hand records its access event there. */
  onStart?: (tx: Tx, runId: string) => Promise<unknown>;
}

/** A run that holds the job's lock and has its row; `done` settles when it has finished (or failed). */
export interface StartedRetention {
  runId: string;
  done: Promise<RetentionRunResult>;
}

export const RETENTION_LOCK_KEY = 'proportio:retention';

/** An administrator asked the run to stop (server/retention/stop-retention-run.ts): it ends STOPPED. */
class RetentionStopped extends Error {
  constructor() {
    super('Stopped by hand.');
    this.name = 'RetentionStopped';
  }
}

async function throwIfStopRequested(runId: string): Promise<void> {
  const row = await db().retentionRun.findUnique({ where: { id: runId }, select: { stopRequestedAt: true } });
  if (row?.stopRequestedAt) throw new RetentionStopped();
}

/**
 * Masks identifying data past its limit, erases travellers and hits past theirs (except
 * held ones), the cleared-hit memories resting on them, and access events past 5 years. One instance at a time across
 * servers (a session advisory lock; null when another holds it). Each batch is its own
 * short transaction, so an interrupted run leaves whole batches done and a rerun goes on
 * where it stopped. The run is recorded with counts only, never personal data.
 */
export async function runRetention(options: RetentionOptions = {}): Promise<RetentionRunResult | null> {
  const started = await startRetention(options);
  return started ? started.done : null;
}

/**
 * Takes the job's lock and creates the run's row, then answers while the run goes on (its row
 * counts up batch by batch): null when another run holds the lock. The lock's session ends when
 * the run does.
 */
export async function startRetention(options: RetentionOptions = {}): Promise<StartedRetention | null> {
  const lock = new pg.Client({ connectionString: env().DATABASE_URL });
  // A database restart ends this idle session (57P01); without a listener node-postgres's
  // 'error' event would crash the whole server. The lock goes with the session, the run's own
  // statements fail with the same restart, and the next scheduled run starts afresh.
  lock.on('error', (error) => console.warn(`Retention lock session lost: ${error.message.split('\n')[0]}`));
  const release = () => lock.end().catch(() => {});
  try {
    await lock.connect();
    const { rows } = await lock.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [RETENTION_LOCK_KEY]);
    if (!rows[0]?.locked) {
      await release();
      return null;
    }
    // One caller for the whole run: the row's "started by" and every event the run records.
    const run = { ...options, caller: options.caller ?? systemCaller('retention job') };
    const runId = await createRun(run);
    return { runId, done: runLocked(runId, run).finally(release) };
  } catch (error) {
    await release();
    throw error;
  }
}

async function createRun(options: RetentionOptions & { caller: Caller }): Promise<string> {
  const dryRun = options.dryRun ?? false;
  const startedBy = options.caller.actorLabel;
  return db().$transaction(async (tx) => {
    // A run that died with its process stays RUNNING; holding the lock, we know it is not.
    await tx.retentionRun.updateMany({ where: { status: 'RUNNING' }, data: { status: 'INTERRUPTED', finishedAt: new Date() } });
    const run = await tx.retentionRun.create({ data: { dryRun, status: 'RUNNING', startedBy, phase: dryRun ? 'counting' : 'erasure' }, select: { id: true } });
    await options.onStart?.(tx, run.id);
    return run.id;
  });
}

async function runLocked(runId: string, options: RetentionOptions & { caller: Caller }): Promise<RetentionRunResult> {
  const now = options.now ?? new Date();
  const dryRun = options.dryRun ?? false;
  const batchSize = options.batchSize ?? env().RETENTION_BATCH_SIZE;
  const { caller } = options;
  const started = performance.now();
  const result: RetentionRunResult = { runId, dryRun, masked: 0, erased: 0, held: 0, suppressionsErased: 0, eventsErased: 0, durationMs: 0, stopped: false };
  try {
    const limits = await readRetentionLimits(db());
    if (dryRun) {
      const [counts] = await db().$queryRaw<{ masking: number; erasure: number; held: number; suppressions: number; events: number }[]>`
        SELECT (SELECT count(*)::int FROM "Traveller" t WHERE ${dueForMaskingWhere(limits, now)}
                  AND NOT (${dueForErasureWhere(limits, now)} AND NOT ${heldWhere(now)})) AS masking,
               (SELECT count(*)::int FROM "Traveller" t WHERE ${dueForErasureWhere(limits, now)} AND NOT ${heldWhere(now)}) AS erasure,
               (SELECT count(*)::int FROM "Traveller" t WHERE ${dueForErasureWhere(limits, now)} AND ${heldWhere(now)}) AS held,
               (SELECT count(*)::int FROM "Suppression" WHERE "expiresAt" <= ${now}) AS suppressions,
               (SELECT count(*)::int FROM "AccessEvent" WHERE seq > (SELECT "erasedThroughSeq" FROM "AccessLogHead" WHERE id = 1)
                   AND at < now() - interval '5 years') AS events`;
      Object.assign(result, {
        masked: counts?.masking ?? 0,
        erased: counts?.erasure ?? 0,
        held: counts?.held ?? 0,
        suppressionsErased: counts?.suppressions ?? 0,
        eventsErased: counts?.events ?? 0,
      });
    } else {
      // Erasure first: a traveller past five years is erased, not masked on the way.
      // Two batches at a time for travellers: while one is in PostgreSQL the other is being sealed
      // and digested here; SKIP LOCKED keeps their travellers apart.
      result.erased = await repeat((tx) => eraseTravellerBatch(tx, caller, limits, now, batchSize, runId), 'erasure', runId, 'erased', options.onProgress, TRAVELLER_WORKERS);
      result.masked = await repeat((tx) => maskTravellerBatch(tx, caller, limits, now, batchSize, runId), 'masking', runId, 'masked', options.onProgress, TRAVELLER_WORKERS);
      result.suppressionsErased = await repeat((tx) => eraseExpiredSuppressions(tx, now, batchSize), 'suppressions', runId, 'suppressionsErased', options.onProgress);
      await repeat((tx) => eraseExpiredIdempotencyKeys(tx, now, batchSize), 'idempotency-keys', runId, null, options.onProgress);
      // Access events by the database's clock (the append-only trigger's), in larger batches: a row is small.
      result.eventsErased = await repeat((tx) => eraseAccessEventBatch(tx, caller, batchSize * 25, runId), 'access-events', runId, 'eventsErased', options.onProgress);
      await throwIfStopRequested(runId);
      await db().retentionRun.update({ where: { id: runId }, data: { phase: 'counting' } });
      const [held] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Traveller" t WHERE ${dueForErasureWhere(limits, now)} AND ${heldWhere(now)}`;
      result.held = held?.n ?? 0;
    }
    result.durationMs = Math.round(performance.now() - started);
    await db().retentionRun.update({
      where: { id: runId },
      data: {
        status: 'COMPLETED',
        phase: null,
        finishedAt: new Date(),
        masked: result.masked,
        erased: result.erased,
        held: result.held,
        eventsErased: result.eventsErased,
        suppressionsErased: result.suppressionsErased,
      },
    });
    return result;
  } catch (error) {
    if (error instanceof RetentionStopped) {
      // The row's counts went up batch by batch: they are what the run did.
      const done = await db().retentionRun.update({
        where: { id: runId },
        data: { status: 'STOPPED', phase: null, finishedAt: new Date() },
        select: { masked: true, erased: true, suppressionsErased: true, eventsErased: true },
      });
      return { ...result, ...done, stopped: true, durationMs: Math.round(performance.now() - started) };
    }
    await db().retentionRun.update({ where: { id: runId }, data: { status: 'FAILED', finishedAt: new Date(), error: storableErrorMessage(error) } });
    throw error;
  }
}

type Batch = Parameters<Parameters<ReturnType<typeof db>['$transaction']>[0]>[0];

/**
 * Batches of travellers in flight at once. Two keep both of a small machine's cores busy (the
 * job's own JavaScript and PostgreSQL); more only queue up behind each other.
 */
const TRAVELLER_WORKERS = 2;

/**
 * Runs batches until one finds nothing to do, keeping the run's counts current after each;
 * `workers` loops side by side, each batch its own transaction. The first failure stops every
 * loop after its current batch and is thrown once they have all stopped.
 */
async function repeat(
  batch: (tx: Batch) => Promise<number>,
  phase: RetentionProgress['phase'],
  runId: string,
  column: 'masked' | 'erased' | 'eventsErased' | 'suppressionsErased' | null,
  onProgress?: (progress: RetentionProgress) => void,
  workers = 1,
): Promise<number> {
  await db().retentionRun.update({ where: { id: runId }, data: { phase } });
  let done = 0;
  let failed = false;
  const loop = async () => {
    while (!failed) {
      await throwIfStopRequested(runId);
      const count = await db().$transaction(async (tx) => {
        const n = await batch(tx);
        if (n > 0 && column) await tx.retentionRun.update({ where: { id: runId }, data: { [column]: { increment: n } } });
        return n;
      }, { timeout: 120_000 });
      if (count === 0) return;
      done += count;
      onProgress?.({ phase, done });
    }
  };
  const results = await Promise.allSettled(Array.from({ length: workers }, () => loop().catch((error: unknown) => {
    failed = true;
    throw error;
  })));
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  return done;
}
