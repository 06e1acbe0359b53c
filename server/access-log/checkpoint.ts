import 'server-only';
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Db, Tx } from '@/server/db';

/** Where anchors go unless configured (ACCESS_LOG_ANCHOR_FILE, parsed in lib/env.ts). */
export const DEFAULT_ANCHOR_FILE = '.data/access-log-anchors.jsonl';

export interface Checkpoint {
  id: string;
  seq: string;
  hash: string;
  count: string;
  at: string;
  note: string | null;
}

/**
 * Records the chain's head (seq, hash, number of events) as a checkpoint row and as one
 * JSON line of the anchor file. The row lets verification see a rewrite of the chain up
 * to it; the file, shipped off this server by the deployment, still shows one when
 * whoever rewrote the chain also rewrote the checkpoints. Null when the log is empty.
 *
 * The number counts on from the checkpoint before: its number plus the events after it. Every
 * erasure writes a checkpoint of its own (erase-access-events.ts), so no event the one before
 * counted has gone since. Counting the whole log each time read every index entry of it: on
 * five years of a large unit (41 million events) 17 s of both cores and 5.7 GB read, every hour,
 * and more each year (issue 11). Without a usable checkpoint before (none yet, or one past the
 * head) it counts the whole log.
 */
export async function writeCheckpoint(client: Db | Tx, note?: string | null, anchorFile: string = DEFAULT_ANCHOR_FILE): Promise<Checkpoint | null> {
  // One statement, one snapshot: the head, the checkpoint before and the count agree without locking out writers.
  const [row] = await client.$queryRaw<{ id: bigint; seq: bigint; hash: string; count: bigint; at: Date; note: string | null }[]>`
    INSERT INTO "AccessLogCheckpoint" (seq, hash, count, note)
    SELECT h."lastSeq", h.hash,
      CASE WHEN before.seq BETWEEN h."erasedThroughSeq" AND h."lastSeq"
        THEN before.count + (SELECT count(*) FROM "AccessEvent" e WHERE e.seq > before.seq AND e.seq <= h."lastSeq")
        ELSE (SELECT count(*) FROM "AccessEvent" e WHERE e.seq <= h."lastSeq") END,
      ${note ?? null}
    FROM "AccessLogHead" h
    LEFT JOIN LATERAL (SELECT c.seq, c.count FROM "AccessLogCheckpoint" c ORDER BY c.id DESC LIMIT 1) before ON true
    WHERE h.id = 1 AND h."lastSeq" > 0
    RETURNING id, seq, hash, count, at, note`;
  if (!row) return null;
  const checkpoint: Checkpoint = {
    id: row.id.toString(),
    seq: row.seq.toString(),
    hash: row.hash,
    count: row.count.toString(),
    at: row.at.toISOString(),
    note: row.note,
  };
  await appendAnchor(anchorFile, checkpoint);
  return checkpoint;
}

/** Appends one checkpoint as a JSON line to the anchor file (made with its folder if missing). */
export async function appendAnchor(anchorFile: string, checkpoint: Checkpoint): Promise<void> {
  const file = path.resolve(/*turbopackIgnore: true*/ anchorFile);
  await mkdir(path.dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(checkpoint)}\n`, 'utf8');
}
