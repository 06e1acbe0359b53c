import 'server-only';
import { createHash } from 'node:crypto';
import type { Prisma } from '@/generated/prisma/client';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { db, type Tx } from '@/server/db';
import { ConflictError } from '@/server/errors';

export interface IngestAnswer<T> {
  status: number;
  body: T;
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

// Large batches take seconds; Prisma's default of 5 s for an interactive transaction is too short.
const TRANSACTION = { timeout: 300_000, maxWait: 30_000 } as const;

/** What identifies "the same request": the endpoint and the parsed body. */
export function requestFingerprint(endpoint: string, body: unknown): string {
  return createHash('sha256').update(endpoint).update('\n').update(JSON.stringify(body)).digest('hex');
}

/**
 * Runs an ingestion in one transaction that also stores its answer under the token's
 * Idempotency-Key. The key row is inserted first: a concurrent retry's insert waits on
 * it until this transaction ends, then finds it and replays the stored answer — so a
 * retry creates nothing twice, even when it arrives while the first is still running. If
 * the first fails, its key goes with the rollback and the retry runs afresh. The same key
 * with a different body is refused (409). Keys belong to API tokens; a request from a
 * signed-in user runs without one. The fingerprint may be given as a function: it is then
 * computed only for a keyed request (hashing a 5,000-hit body costs milliseconds for nothing
 * when no key came with it).
 */
export async function withIdempotency<T>(
  caller: Caller,
  key: string | null,
  fingerprint: string | (() => string),
  status: number,
  run: (tx: Tx) => Promise<T>,
): Promise<IngestAnswer<T>> {
  const tokenId = caller.actorType === 'TOKEN' ? caller.actorId : null;
  const keyed = key !== null && tokenId !== null;
  const requestHash = keyed ? (typeof fingerprint === 'function' ? fingerprint() : fingerprint) : null;
  return db().$transaction(async (tx) => {
    if (keyed) {
      const claimed = await tx.$queryRaw<{ key: string }[]>`
        INSERT INTO "IdempotencyKey" ("tokenId", key, "requestHash", status, response)
        VALUES (${tokenId}::uuid, ${key}, ${requestHash}, 0, 'null'::jsonb)
        ON CONFLICT DO NOTHING RETURNING key`;
      if (claimed.length === 0) {
        const prior = await tx.idempotencyKey.findUniqueOrThrow({ where: { tokenId_key: { tokenId, key } } });
        if (prior.requestHash !== requestHash) {
          throw new ConflictError('This Idempotency-Key was already used for a different request; send a new key with a new request.');
        }
        await recordAccessEvent(tx, caller, { operation: 'CONSULTATION', resourceType: 'idempotent-replay', resourceId: key, details: { status: prior.status } });
        return { status: prior.status, body: prior.response as T, replayed: true };
      }
    }
    const body = await run(tx);
    if (keyed) {
      await tx.idempotencyKey.update({ where: { tokenId_key: { tokenId, key } }, data: { status, response: body as Prisma.InputJsonValue } });
    }
    return { status, body, replayed: false };
  }, TRANSACTION);
}
