import 'server-only';
import type { Tx } from '@/server/db';

/**
 * How long a stored answer to an Idempotency-Key is kept: long enough for any sane retry
 * (a sender retries within minutes, a queue within hours), short enough that the answers —
 * ids of stored travellers and hits — do not outlive their use.
 */
export const IDEMPOTENCY_KEY_HOURS = 24;

/** Forgets stored answers older than IDEMPOTENCY_KEY_HOURS; a retry after that is a new request. */
export async function eraseExpiredIdempotencyKeys(tx: Tx, now: Date, batchSize: number): Promise<number> {
  const before = new Date(now.getTime() - IDEMPOTENCY_KEY_HOURS * 3_600_000);
  return tx.$executeRaw`DELETE FROM "IdempotencyKey" WHERE ("tokenId", key) IN (
    SELECT "tokenId", key FROM "IdempotencyKey" WHERE "createdAt" < ${before} LIMIT ${batchSize})`;
}
