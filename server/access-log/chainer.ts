import 'server-only';
import { env } from '@/lib/env';
import { databaseUnavailableReason, isDatabaseUnavailable } from '@/server/database-unavailable';
import { db, type Db, type Tx } from '@/server/db';

const BATCH = 10_000;

/**
 * Links every committed pending event into the hash chain (chain_access_events(),
 * migration 20261125220000) and returns how many. Each call is a statement of its own, so
 * the head's lock is held only while the database numbers and links one batch — never
 * across a request's work, which is what lets requests record events without waiting for
 * each other. Call it before reading the chain when the read must include events committed
 * a moment ago (verification, tests).
 */
export async function chainAccessEvents(client: Db | Tx = db()): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await client.$queryRaw<{ linked: number }[]>`SELECT chain_access_events(${BATCH}::int) AS linked`;
    const linked = row?.linked ?? 0;
    total += linked;
    if (linked < BATCH) return total;
  }
}

let running = false;
/** The database was away at the last pass: said once, not every interval, and said again when it is back. */
let paused = false;

function passSucceeded(): void {
  if (paused) console.warn('Access-log chaining resumed: the database is reachable again.');
  paused = false;
}

function passFailed(error: unknown): void {
  if (!isDatabaseUnavailable(error)) {
    console.error('Access-log chaining failed:', error);
    return;
  }
  // Nothing is lost meanwhile: the pending events wait in their table for the next pass.
  if (!paused) console.warn(`Access-log chaining paused: the database is not reachable (${databaseUnavailableReason(error)}); retrying.`);
  paused = true;
}

/**
 * Links pending events every ACCESS_LOG_CHAIN_INTERVAL_MS inside the server. Several
 * instances may all run it: the head's row lock makes them take turns, and one that finds
 * nothing pending returns without taking it. A database restart pauses it and it resumes by
 * itself. Never keeps the process alive.
 */
export function startAccessLogChainer(): void {
  const timer = setInterval(() => {
    if (running) return; // a slow pass (a burst of events) is not overlapped by the next tick
    running = true;
    chainAccessEvents()
      .then(passSucceeded, passFailed)
      .finally(() => {
        running = false;
      });
  }, env().ACCESS_LOG_CHAIN_INTERVAL_MS);
  timer.unref();
}
