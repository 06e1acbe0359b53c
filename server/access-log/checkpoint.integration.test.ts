import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { systemCaller } from '@/server/auth/caller';
import { db, type Tx } from '@/server/db';
import { chainAccessEvents } from './chainer';
import { writeCheckpoint, type Checkpoint } from './checkpoint';
import { recordAccessEvents } from './record';

// Other test files share this database and its chain: everything here happens in a transaction
// that is rolled back, so no forged checkpoint outlives its test.
const anchorDir = mkdtempSync(path.join(os.tmpdir(), 'proportio-checkpoints-'));
const anchorFile = path.join(anchorDir, 'anchors.jsonl');
after(async () => {
  rmSync(anchorDir, { recursive: true, force: true });
  await db().$disconnect();
});

class Rollback extends Error {}

async function rolledBack(work: (tx: Tx) => Promise<void>): Promise<void> {
  await assert.rejects(db().$transaction(async (tx) => {
    await work(tx);
    throw new Rollback();
  }, { timeout: 60_000 }), Rollback);
}

async function eventsThrough(tx: Tx, seq: string): Promise<bigint> {
  const [row] = await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "AccessEvent" WHERE seq <= ${BigInt(seq)}`;
  return row?.n ?? -1n;
}

async function append(tx: Tx, n: number): Promise<void> {
  await recordAccessEvents(tx, systemCaller('checkpoint-test'), Array.from({ length: n }, () => ({ operation: 'LOGIN' as const, resourceType: 'session' })));
  await chainAccessEvents(tx);
}

async function checkpoint(tx: Tx): Promise<Checkpoint> {
  const written = await writeCheckpoint(tx, 'test', anchorFile);
  assert.ok(written, 'a checkpoint of a log with events');
  return written;
}

test('a checkpoint records how many events the log holds up to it, counting on from the checkpoint before', async () => {
  await rolledBack(async (tx) => {
    await append(tx, 2);
    const first = await checkpoint(tx);
    assert.equal(BigInt(first.count), await eventsThrough(tx, first.seq));
    await append(tx, 3);
    const second = await checkpoint(tx);
    assert.equal(BigInt(second.count), await eventsThrough(tx, second.seq), 'the log\'s number');
    assert.ok(BigInt(second.seq) >= BigInt(first.seq) + 3n);

    // It counts on rather than recounting: a checkpoint claiming 1,000 more events than the log holds
    // carries into the next (verification compares hashes, not this number; the anchor file keeps both).
    await tx.$executeRaw`INSERT INTO "AccessLogCheckpoint" (seq, hash, count, note) VALUES (${BigInt(second.seq)}, ${second.hash}, ${BigInt(second.count) + 1000n}, 'test')`;
    await append(tx, 1);
    const third = await checkpoint(tx);
    assert.equal(BigInt(third.count), BigInt(second.count) + 1000n + (BigInt(third.seq) - BigInt(second.seq)));
  });
});

test('a checkpoint with no usable one before it counts the whole log', async () => {
  await rolledBack(async (tx) => {
    await append(tx, 1);
    const [head] = await tx.$queryRaw<{ lastSeq: bigint; hash: string }[]>`SELECT "lastSeq", hash FROM "AccessLogHead" WHERE id = 1`;
    assert.ok(head);
    // One past the head (the head was moved back, or the row is forged): nothing to count on from.
    await tx.$executeRaw`INSERT INTO "AccessLogCheckpoint" (seq, hash, count, note) VALUES (${head.lastSeq + 1_000_000n}, ${head.hash}, 7, 'test')`;
    const written = await checkpoint(tx);
    assert.equal(BigInt(written.count), await eventsThrough(tx, written.seq));
  });
});
