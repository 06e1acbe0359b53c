import 'server-only';
import { env } from '@/lib/env';
import { recordAccessEvent } from '@/server/access-log/record';
import { appendAnchor } from '@/server/access-log/checkpoint';
import type { Caller } from '@/server/auth/caller';
import type { Tx } from '@/server/db';

/**
 * Erases the oldest access events once they are 5 years old (PNR art. 13(6); the limit is
 * the database's own clock, the same one the append-only trigger enforces), at most
 * `batchSize` in the caller's transaction, always from the start of the chain so that what
 * remains still links. Under the head's lock: the chain's new start (the last erased seq
 * and hash) goes into the head, a checkpoint (row and anchor file) and an ERASURE event,
 * so verification can tell this erasure from tampering. Returns how many were erased.
 */
export async function eraseAccessEventBatch(tx: Tx, caller: Caller, batchSize: number, runId: string): Promise<number> {
  const [head] = await tx.$queryRaw<{ lastSeq: bigint; erasedThroughSeq: bigint }[]>`
    SELECT "lastSeq", "erasedThroughSeq" FROM "AccessLogHead" WHERE id = 1 FOR UPDATE`;
  if (!head) throw new Error('The access log has no head row: the database was not migrated.');
  // The first event young enough to keep; everything before it (and after the last erasure) goes.
  const [young] = await tx.$queryRaw<{ seq: bigint }[]>`
    SELECT seq FROM "AccessEvent" WHERE seq > ${head.erasedThroughSeq} AND at >= now() - interval '5 years' ORDER BY seq LIMIT 1`;
  let through = head.erasedThroughSeq + BigInt(batchSize);
  if (young && young.seq - 1n < through) through = young.seq - 1n;
  if (head.lastSeq < through) through = head.lastSeq;
  if (through <= head.erasedThroughSeq) return 0;

  const [last] = await tx.$queryRaw<{ hash: string; at: Date }[]>`SELECT hash, at FROM "AccessEvent" WHERE seq = ${through}`;
  if (!last) throw new Error(`Access event ${through} is missing: verify the log before erasing from it.`);
  await tx.$executeRaw`SELECT set_config('proportio.erasure', 'on', true)`;
  // The per-person counts (migration 20261201170000) lose what is erased, in the same statement;
  // a count that reaches 0 stays as a row the report does not show.
  const [gone] = await tx.$queryRaw<{ erased: number }[]>`
    WITH gone AS (DELETE FROM "AccessEvent" WHERE seq > ${head.erasedThroughSeq} AND seq <= ${through} RETURNING "travellerId", operation),
    counted AS (
      UPDATE "AccessEventPersonCount" c SET events = c.events - g.n
        FROM (SELECT "travellerId", operation, count(*) AS n FROM gone WHERE "travellerId" IS NOT NULL GROUP BY "travellerId", operation) g
       WHERE c."travellerId" = g."travellerId" AND c.operation = g.operation
    )
    SELECT count(*)::int AS erased FROM gone`;
  const erased = gone?.erased ?? 0;
  await tx.$executeRaw`SELECT set_config('proportio.erasure', 'off', true)`;
  await tx.$executeRaw`UPDATE "AccessLogHead" SET "erasedThroughSeq" = ${through}, "erasedThroughHash" = ${last.hash} WHERE id = 1`;
  const note = `erasure through ${through}`;
  const [checkpoint] = await tx.$queryRaw<{ id: bigint; count: bigint; at: Date }[]>`
    INSERT INTO "AccessLogCheckpoint" (seq, hash, count, note)
    VALUES (${through}, ${last.hash}, (SELECT count(*) FROM "AccessEvent" WHERE seq <= ${through}), ${note})
    RETURNING id, count, at`;
  await recordAccessEvent(tx, caller, {
    operation: 'ERASURE',
    resourceType: 'access-log',
    purpose: 'PNR art. 13(6), LED art. 25: access events erased after 5 years (retention)',
    details: { action: 'erase-access-events', fromSeq: (head.erasedThroughSeq + 1n).toString(), throughSeq: through.toString(), throughHash: last.hash, erased, retentionRunId: runId },
  });
  if (checkpoint) {
    await appendAnchor(env().ACCESS_LOG_ANCHOR_FILE, { id: checkpoint.id.toString(), seq: through.toString(), hash: last.hash, count: checkpoint.count.toString(), at: checkpoint.at.toISOString(), note });
  }
  return erased;
}
