// Every measured phase records access events (the app's reads and writes, and their direct SQL,
// which sends the app's statements), and the app's chainer links them into the hash chain a
// moment later. Chaining that spills past the end of one phase would be measured in the next:
// a queue page records 50 events, and the direct SQL sends a thousand pages a second. So each
// phase starts once nothing is pending.
import type pg from 'pg';

/** Waits until no access event is pending (at most `limitMs`); how long it waited, or null when it gave up. */
export async function chainSettled(pool: pg.Pool, limitMs = 120_000): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    const pending = (await pool.query<{ pending: boolean }>(`SELECT EXISTS (SELECT 1 FROM "AccessEventPending") AS pending`)).rows[0]?.pending;
    if (!pending) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}
