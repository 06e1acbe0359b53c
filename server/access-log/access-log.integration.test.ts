import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { systemCaller } from '@/server/auth/caller';
import { db } from '@/server/db';
import { chainHash, GENESIS_HASH } from './chain';
import { recordAccessEvent, recordAccessEvents } from './record';

after(() => db().$disconnect());

// Recomputes every hash from the stored rows: the chain must be one unbroken line.
async function assertChainIntact() {
  const events = await db().accessEvent.findMany({ orderBy: { seq: 'asc' } });
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1n;
  for (const event of events) {
    assert.equal(event.seq, expectedSeq, `seq ${event.seq} follows ${expectedSeq - 1n} without a gap`);
    assert.equal(event.prevHash, prevHash, `event ${event.seq} links to its predecessor`);
    assert.equal(chainHash(prevHash, event), event.hash, `event ${event.seq} hash recomputes`);
    prevHash = event.hash;
    expectedSeq += 1n;
  }
  const head = await db().accessLogHead.findUniqueOrThrow({ where: { id: 1 } });
  assert.equal(head.lastSeq, expectedSeq - 1n);
  assert.equal(head.hash, prevHash);
  return events.length;
}

test('events are recorded in the caller’s transaction and chained', async () => {
  const before = await db().accessEvent.count();
  await db().$transaction((tx) =>
    recordAccessEvents(tx, systemCaller('test'), [
      { operation: 'COLLECTION', resourceType: 'traveller', resourceId: 'a' },
      { operation: 'COMBINATION', resourceType: 'hit', resourceId: 'b', details: { note: 'ü ✓' } },
    ]),
  );
  assert.equal(await db().accessEvent.count(), before + 2);
  await assertChainIntact();
});

test('a failed transaction leaves no event claiming it happened', async () => {
  const before = await db().accessEvent.count();
  await assert.rejects(
    db().$transaction(async (tx) => {
      await recordAccessEvent(tx, systemCaller('test'), { operation: 'ALTERATION', resourceType: 'hit', resourceId: 'x' });
      throw new Error('the operation failed after recording');
    }),
    /operation failed/,
  );
  assert.equal(await db().accessEvent.count(), before);
  await assertChainIntact();
});

test('concurrent writers never fork the chain', async () => {
  const before = await db().accessEvent.count();
  const writers = Array.from({ length: 24 }, (_, i) =>
    db().$transaction((tx) =>
      recordAccessEvents(tx, systemCaller(`writer-${i}`), [
        { operation: 'CONSULTATION', resourceType: 'hit', resourceId: `c-${i}-1` },
        { operation: 'CONSULTATION', resourceType: 'hit', resourceId: `c-${i}-2` },
      ]),
    ),
  );
  await Promise.all(writers);
  assert.equal(await db().accessEvent.count(), before + 48);
  await assertChainIntact();
});

test('a changed event no longer matches its hash', async () => {
  await db().$transaction((tx) =>
    recordAccessEvent(tx, systemCaller('test'), { operation: 'CONSULTATION', resourceType: 'hit', resourceId: 'orig' }),
  );
  const last = await db().accessEvent.findFirstOrThrow({ orderBy: { seq: 'desc' } });
  assert.equal(chainHash(last.prevHash, last), last.hash);
  assert.notEqual(chainHash(last.prevHash, { ...last, resourceId: 'forged' }), last.hash);
});
