import 'server-only';
import { env } from '@/lib/env';
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

/**
 * Links pending events every ACCESS_LOG_CHAIN_INTERVAL_MS inside the server. Several
 * instances may all run it: the head's row lock makes them take turns, and one that finds
 * nothing pending returns without taking it. Never keeps the process alive.
 */
export function startAccessLogChainer(): void {
  const timer = setInterval(() => {
    if (running) return; // a slow pass (a burst of events) is not overlapped by the next tick
    running = true;
    chainAccessEvents()
      .catch((error: unknown) => console.error('Access-log chaining failed:', error))
      .finally(() => {
        running = false;
      });
  }, env().ACCESS_LOG_CHAIN_INTERVAL_MS);
  timer.unref();
}
