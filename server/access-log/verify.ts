import 'server-only';
import type { ChainVerification } from '@/lib/schemas/access-log';
import type { Db, Tx } from '@/server/db';
import { chainHash, GENESIS_HASH, type ChainedFields } from './chain';

type Broken = NonNullable<ChainVerification['firstBroken']>;
type Client = Db | Tx;

interface ChainRow extends ChainedFields {
  prevHash: string;
  hash: string;
}

// Where the walk has got to: everything up to lastSeq links and recomputes.
interface Walk {
  lastSeq: bigint;
  lastHash: string;
  lastAt: Date | null;
  checked: number;
  broken: Broken | null;
}

const NO_LIMIT = 9_223_372_036_854_775_807n;

const eventNo = (seq: bigint) => `Event ${seq.toLocaleString('en-US')}`;
const when = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * Recomputes the whole chain from the stored rows, in keyset batches by seq (never the
 * whole table at once), then compares its end with the head and every checkpoint.
 * Stops at the first break and says what happened in words a privacy officer can use.
 */
export async function verifyChain(
  client: Client,
  options: { batchSize?: number; onProgress?: (checked: number) => void } = {},
): Promise<ChainVerification> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 5000;
  // The chain starts where retention last erased (5-year-old events), or at the genesis.
  const start = await chainStart(client);
  const walk: Walk = { lastSeq: start.seq, lastHash: start.hash, lastAt: null, checked: 0, broken: null };
  await walkChain(client, walk, NO_LIMIT, batchSize, options.onProgress);
  // Read after the walk: a writer commits its events and the head together, so the head
  // is never behind an event the walk saw; it may be ahead by events appended meanwhile.
  const head = (await client.$queryRaw<{ lastSeq: bigint; hash: string }[]>`
    SELECT "lastSeq", hash FROM "AccessLogHead" WHERE id = 1`)[0];
  if (!head) throw new Error('The access log has no head row: the database was not migrated.');
  if (!walk.broken && head.lastSeq > walk.lastSeq) await walkChain(client, walk, head.lastSeq, batchSize, options.onProgress);
  walk.broken ??= await compareWithHead(client, walk, head);
  walk.broken ??= await checkErasure(client, start);
  const checkpoints = await checkCheckpoints(client, start.seq);
  const durationMs = Math.round(performance.now() - started);
  return {
    intact: !walk.broken && !checkpoints.firstMismatch,
    checked: walk.checked,
    lastSeq: walk.lastSeq > 0n ? walk.lastSeq.toString() : null,
    lastAt: walk.lastAt?.toISOString() ?? null,
    firstBroken: walk.broken ?? checkpoints.firstMismatch,
    checkpoints: { checked: checkpoints.checked, mismatched: checkpoints.mismatched },
    durationMs,
    eventsPerSecond: Math.round(walk.checked / Math.max(durationMs / 1000, 0.001)),
  };
}

async function walkChain(client: Client, walk: Walk, upTo: bigint, batchSize: number, onProgress?: (checked: number) => void) {
  // Enum and uuid columns as text: the hash covers the strings the writer sent.
  const fetchAfter = (after: bigint) => client.$queryRaw<ChainRow[]>`
    SELECT seq, at, "actorType"::text AS "actorType", "actorId"::text AS "actorId", "actorLabel", role::text AS role,
      operation::text AS operation, outcome::text AS outcome, "resourceType", "resourceId", "travellerId"::text AS "travellerId",
      purpose, recipient, "requestId", ip, "userAgent", details, "prevHash", hash
    FROM "AccessEvent" WHERE seq > ${after} AND seq <= ${upTo} ORDER BY seq LIMIT ${batchSize}`;
  let pending: Promise<ChainRow[]> | null = fetchAfter(walk.lastSeq);
  while (pending) {
    const rows: ChainRow[] = await pending;
    const last = rows.at(-1);
    // The next batch is read while this one is hashed: the database and the CPU overlap.
    pending = rows.length === batchSize && last ? fetchAfter(last.seq) : null;
    for (const row of rows) {
      walk.broken = checkLink(walk, row);
      if (walk.broken) {
        await pending?.catch(() => {});
        return;
      }
      walk.lastSeq = row.seq;
      walk.lastHash = row.hash;
      walk.lastAt = row.at;
      walk.checked += 1;
    }
    onProgress?.(walk.checked);
  }
}

// In this order, so each break is named by its cause rather than by its knock-on effect.
function checkLink(walk: Walk, row: ChainRow): Broken | null {
  const expected = walk.lastSeq + 1n;
  if (row.seq !== expected) {
    const missing = row.seq - 1n === expected ? `${eventNo(expected)} is missing` : `Events ${expected.toLocaleString('en-US')} to ${(row.seq - 1n).toLocaleString('en-US')} are missing`;
    return { seq: expected.toString(), kind: 'deleted', message: `${missing}: deleted from the log after it was written.` };
  }
  if (row.prevHash !== walk.lastHash) {
    return { seq: row.seq.toString(), kind: 'inserted', message: `${eventNo(row.seq)} (${when(row.at)}) does not follow the event before it: an event was inserted or moved.` };
  }
  if (chainHash(row.prevHash, row) !== row.hash) {
    return { seq: row.seq.toString(), kind: 'changed', message: `${eventNo(row.seq)} (${when(row.at)}) was changed after it was written.` };
  }
  return null;
}

async function compareWithHead(client: Client, walk: Walk, head: { lastSeq: bigint; hash: string }): Promise<Broken | null> {
  if (head.lastSeq > walk.lastSeq) {
    const first = walk.lastSeq + 1n;
    const range = first === head.lastSeq ? eventNo(first) : `Events ${first.toLocaleString('en-US')} to ${head.lastSeq.toLocaleString('en-US')}`;
    return { seq: first.toString(), kind: 'head', message: `${range}, the last written, ${first === head.lastSeq ? 'is' : 'are'} missing: deleted from the end of the log.` };
  }
  if (head.lastSeq < walk.lastSeq) {
    const first = head.lastSeq + 1n;
    const [row] = await client.$queryRaw<{ at: Date }[]>`SELECT at FROM "AccessEvent" WHERE seq = ${first}`;
    const at = row ? ` (${when(row.at)})` : '';
    return { seq: first.toString(), kind: 'head', message: `${eventNo(first)}${at} lies beyond the log's recorded end: it was added outside the application.` };
  }
  if (head.hash !== walk.lastHash) {
    const at = walk.lastAt ? ` (${when(walk.lastAt)})` : '';
    return { seq: head.lastSeq.toString(), kind: 'head', message: `The log's recorded end no longer matches ${eventNo(head.lastSeq).toLowerCase()}${at}: the end of the log was rewritten.` };
  }
  return null;
}

async function chainStart(client: Client): Promise<{ seq: bigint; hash: string }> {
  const [head] = await client.$queryRaw<{ seq: bigint; hash: string }[]>`
    SELECT "erasedThroughSeq" AS seq, "erasedThroughHash" AS hash FROM "AccessLogHead" WHERE id = 1`;
  return head ?? { seq: 0n, hash: GENESIS_HASH };
}

// A start moved by retention must be vouched for twice: by the checkpoint the erasure wrote
// (also in the anchor file) and by its ERASURE event inside the verified chain. A start
// moved any other way is events deleted from the beginning of the log.
async function checkErasure(client: Client, start: { seq: bigint; hash: string }): Promise<Broken | null> {
  if (start.seq === 0n) return null;
  const [vouched] = await client.$queryRaw<{ checkpoint: boolean; event: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "AccessLogCheckpoint" WHERE seq = ${start.seq} AND hash = ${start.hash} AND note LIKE 'erasure%') AS checkpoint,
           EXISTS (SELECT 1 FROM "AccessEvent" WHERE operation = 'ERASURE' AND "resourceType" = 'access-log' AND seq > ${start.seq}
                     AND details->>'throughSeq' = ${start.seq.toString()} AND details->>'throughHash' = ${start.hash}) AS event`;
  if (vouched?.checkpoint && vouched.event) return null;
  const range = start.seq === 1n ? 'Event 1 is' : `Events 1 to ${start.seq.toLocaleString('en-US')} are`;
  return { seq: '1', kind: 'deleted', message: `${range} missing and no retention erasure accounts for them: deleted from the start of the log.` };
}

// A checkpoint vouches for the event at its seq; one that disagrees means the chain was
// rewritten consistently from there (or the checkpoint was forged): not intact either way.
// Checkpoints of events that retention has since erased vouch for nothing that remains.
async function checkCheckpoints(client: Client, erasedThrough: bigint): Promise<{ checked: number; mismatched: number; firstMismatch: Broken | null }> {
  const rows = await client.$queryRaw<{ checked: number; mismatched: number; seq: bigint | null; takenAt: Date | null; found: boolean | null }[]>`
    WITH c AS (
      SELECT c.seq, c.at, e.seq IS NOT NULL AS found, e.hash IS DISTINCT FROM c.hash AS mismatch
      FROM "AccessLogCheckpoint" c LEFT JOIN "AccessEvent" e ON e.seq = c.seq
      WHERE c.seq > ${erasedThrough}
    ), first AS (SELECT seq, at, found FROM c WHERE mismatch ORDER BY seq LIMIT 1)
    SELECT (SELECT count(*)::int FROM c) AS checked, (SELECT count(*)::int FROM c WHERE mismatch) AS mismatched,
      first.seq, first.at AS "takenAt", first.found
    FROM (SELECT 1) AS one LEFT JOIN first ON true`;
  const { checked = 0, mismatched = 0, seq = null, takenAt = null, found = null } = rows[0] ?? {};
  if (seq === null || takenAt === null) return { checked, mismatched, firstMismatch: null };
  const checkpoint = `the checkpoint taken ${when(takenAt)}`;
  const firstMismatch: Broken = found
    ? { seq: seq.toString(), kind: 'changed', message: `${eventNo(seq)} no longer matches ${checkpoint}: the log was rewritten up to this event.` }
    : { seq: seq.toString(), kind: 'deleted', message: `${eventNo(seq)}, recorded by ${checkpoint}, is missing: deleted from the log.` };
  return { checked, mismatched, firstMismatch };
}
