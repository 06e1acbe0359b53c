import 'server-only';
import type { ChainVerification, ChainVerificationRun } from '@/lib/schemas/access-log';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { storableErrorMessage } from '@/server/errors';
import { chainAccessEvents } from './chainer';
import { recordAccessEvent } from './record';
import { verifyChain } from './verify';

/** A running verification writes its progress at most this often (and so beats its heart). */
const PROGRESS_EVERY_MS = 1000;
/** RUNNING with no progress written for this long: its server stopped in the middle. */
export const VERIFICATION_STALE_MS = 60_000;

interface RunRow {
  id: string;
  startedAt: Date;
  startedBy: string;
  status: string;
  checked: bigint;
  total: bigint;
  heartbeatAt: Date;
  finishedAt: Date | null;
  result: unknown;
  error: string | null;
}

function toRunView(row: RunRow, now = Date.now()): ChainVerificationRun {
  const stale = row.status === 'RUNNING' && now - row.heartbeatAt.getTime() > VERIFICATION_STALE_MS;
  return {
    id: row.id,
    status: stale ? 'INTERRUPTED' : (row.status as ChainVerificationRun['status']),
    startedAt: row.startedAt.toISOString(),
    startedBy: row.startedBy,
    checked: Number(row.checked),
    total: Number(row.total),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    result: (row.result as ChainVerification | null) ?? null,
    error: row.error,
  };
}

/**
 * Starts verifying the whole chain, for a privacy officer: the server walks it in the
 * background (17 minutes for 71 million events) and writes its progress and result to the run
 * row, which the page polls (getLatestChainVerification). One at a time across every instance:
 * while one is running, starting again answers that one. Starting is a consultation of the
 * whole log, recorded as such with the run's id. `done` settles when the walk has finished.
 */
export async function startChainVerification(caller: Caller): Promise<{ run: ChainVerificationRun; done: Promise<void> }> {
  await requirePermission(caller, 'access-log.verify', { type: 'access-log' });
  await chainAccessEvents(); // what committed a moment ago is verified too
  const { row, started } = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('proportio:access-log-verification'))`;
    const running = await tx.accessLogVerification.findFirst({
      where: { status: 'RUNNING', heartbeatAt: { gt: new Date(Date.now() - VERIFICATION_STALE_MS) } },
      orderBy: { startedAt: 'desc' },
    });
    const [head] = await tx.$queryRaw<{ events: bigint }[]>`SELECT "lastSeq" - "erasedThroughSeq" AS events FROM "AccessLogHead" WHERE id = 1`;
    const run = running ?? (await tx.accessLogVerification.create({ data: { startedBy: caller.actorLabel, total: head?.events ?? 0n } }));
    await recordAccessEvent(tx, caller, {
      operation: 'CONSULTATION',
      resourceType: 'access-log-verification',
      resourceId: run.id,
      details: { started: !running },
    });
    return { row: run, started: !running };
  });
  const done = started ? walkInBackground(row.id) : Promise.resolve();
  return { run: toRunView(row), done };
}

/** The latest verification (running, finished or interrupted), or null when none was ever started. */
export async function getLatestChainVerification(caller: Caller): Promise<ChainVerificationRun | null> {
  await requirePermission(caller, 'access-log.verify', { type: 'access-log' });
  const row = await db().accessLogVerification.findFirst({ orderBy: { startedAt: 'desc' } });
  return row ? toRunView(row) : null;
}

// Never rejects: the outcome is the row's (COMPLETED with the result, or FAILED with the message).
async function walkInBackground(id: string): Promise<void> {
  let written = Date.now();
  let progress: Promise<unknown> = Promise.resolve();
  const onProgress = (checked: number) => {
    if (Date.now() - written < PROGRESS_EVERY_MS) return;
    written = Date.now();
    progress = progress.then(() => db().accessLogVerification.update({ where: { id }, data: { checked, heartbeatAt: new Date() } })).catch(() => undefined);
  };
  try {
    const result = await verifyChain(db(), { onProgress });
    await progress;
    await db().accessLogVerification.update({
      where: { id },
      data: { status: 'COMPLETED', checked: result.checked, result: { ...result }, finishedAt: new Date(), heartbeatAt: new Date() },
    });
  } catch (error) {
    await progress;
    const message = storableErrorMessage(error);
    console.error('Access-log verification failed:', message);
    await db()
      .accessLogVerification.update({ where: { id }, data: { status: 'FAILED', error: message, finishedAt: new Date(), heartbeatAt: new Date() } })
      .catch(() => undefined);
  }
}
