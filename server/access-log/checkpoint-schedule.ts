import 'server-only';
import { env } from '@/lib/env';
import { db } from '@/server/db';
import { chainAccessEvents } from './chainer';
import { writeCheckpoint } from './checkpoint';

const MINUTE_MS = 60_000;
/**
 * The first checkpoint counts the events of the whole log (later ones count on from it,
 * checkpoint.ts): 7.8 s for 71 million on the five-year profile (issue 11), where Prisma's
 * default of 5 s for an interactive transaction made every scheduled checkpoint fail — none was
 * ever written. The transaction holds only a transaction-scoped advisory lock and reads; it may
 * take as long as the count does.
 */
const CHECKPOINT_TRANSACTION_MS = 15 * MINUTE_MS;

/**
 * Writes a checkpoint when the last one is older than the interval. The transaction-scoped
 * advisory lock makes one instance do it when several run; the age check makes it once
 * per interval however many instances wake up.
 */
export async function checkpointIfDue(now = new Date()): Promise<boolean> {
  const minutes = env().ACCESS_LOG_CHECKPOINT_MINUTES;
  if (minutes === 0) return false;
  await chainAccessEvents(); // the checkpoint then covers everything committed so far
  return db().$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('proportio:access-log-checkpoint')) AS locked`;
    if (!lock?.locked) return false;
    const last = await tx.accessLogCheckpoint.findFirst({ orderBy: { id: 'desc' }, select: { at: true } });
    if (last && now.getTime() - last.at.getTime() < minutes * MINUTE_MS) return false;
    return (await writeCheckpoint(tx, 'scheduled', env().ACCESS_LOG_ANCHOR_FILE)) !== null;
  }, { timeout: CHECKPOINT_TRANSACTION_MS });
}

/** Checks every few minutes whether a checkpoint is due; never keeps the process alive. */
export function startCheckpointSchedule(): void {
  if (env().ACCESS_LOG_CHECKPOINT_MINUTES === 0) return;
  const timer = setInterval(() => {
    checkpointIfDue().catch((error: unknown) => console.error('Access-log checkpoint failed:', error));
  }, 5 * MINUTE_MS);
  timer.unref();
}
