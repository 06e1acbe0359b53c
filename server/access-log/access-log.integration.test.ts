import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { systemCaller } from '@/server/auth/caller';
import { db } from '@/server/db';
import { chainedAccessEvents } from '@/server/testing/factories';
import { chainHash, GENESIS_HASH } from './chain';
import { chainAccessEvents } from './chainer';
import { recordAccessEvent, recordAccessEvents } from './record';

after(() => db().$disconnect());

// Recomputes every hash from the stored rows: the chain must be one unbroken line.
async function assertChainIntact() {
  const events = await (await chainedAccessEvents()).findMany({ orderBy: { seq: 'asc' } });
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
  const before = await (await chainedAccessEvents()).count();
  await db().$transaction((tx) =>
    recordAccessEvents(tx, systemCaller('test'), [
      { operation: 'COLLECTION', resourceType: 'traveller', resourceId: 'a' },
      { operation: 'COMBINATION', resourceType: 'hit', resourceId: 'b', details: { note: 'ü ✓' } },
    ]),
  );
  assert.equal(await (await chainedAccessEvents()).count(), before + 2);
  await assertChainIntact();
});

test('a failed transaction leaves no event claiming it happened', async () => {
  const before = await (await chainedAccessEvents()).count();
  await assert.rejects(
    db().$transaction(async (tx) => {
      await recordAccessEvent(tx, systemCaller('test'), { operation: 'ALTERATION', resourceType: 'hit', resourceId: 'x' });
      throw new Error('the operation failed after recording');
    }),
    /operation failed/,
  );
  assert.equal(await (await chainedAccessEvents()).count(), before);
  await assertChainIntact();
});

test('100 concurrent writers and several chainers at once make one linear chain', async () => {
  const before = await (await chainedAccessEvents()).count();
  const writers = Array.from({ length: 100 }, (_, i) =>
    db().$transaction((tx) =>
      recordAccessEvents(tx, systemCaller(`writer-${i}`), [
        { operation: 'CONSULTATION', resourceType: 'hit', resourceId: `c-${i}-1` },
        { operation: 'CONSULTATION', resourceType: 'hit', resourceId: `c-${i}-2` },
      ]),
    ),
  );
  // Chainers race the writers and each other, as several server instances would.
  let writing = true;
  const chainers = Array.from({ length: 4 }, async () => {
    while (writing) await chainAccessEvents();
  });
  await Promise.all(writers);
  writing = false;
  await Promise.all(chainers);
  assert.equal(await (await chainedAccessEvents()).count(), before + 200);
  assert.equal(await db().accessEventPending.count(), 0, 'nothing is left unlinked');
  await assertChainIntact();
});

test('a writer never waits for the chain: recording commits while the head is locked', async () => {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  // A chainer that holds the head's lock for as long as the test wants.
  const holder = db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "lastSeq" FROM "AccessLogHead" WHERE id = 1 FOR UPDATE`;
    locked();
    await released;
  }, { timeout: 20_000 });
  await isLocked;
  const caller = systemCaller('unblocked-writer');
  const written = db().$transaction((tx) => recordAccessEvent(tx, caller, { operation: 'CONSULTATION', resourceType: 'hit', resourceId: 'unblocked' }));
  const outcome = await Promise.race([written.then(() => 'committed'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 3000))]);
  release();
  await holder;
  assert.equal(outcome, 'committed');
  const [event] = await (await chainedAccessEvents()).findMany({ where: { requestId: caller.requestId } });
  assert.equal(event?.resourceId, 'unblocked', 'and it is linked once the head is free');
  await assertChainIntact();
});

test('a changed event no longer matches its hash', async () => {
  await db().$transaction((tx) =>
    recordAccessEvent(tx, systemCaller('test'), { operation: 'CONSULTATION', resourceType: 'hit', resourceId: 'orig' }),
  );
  const last = await (await chainedAccessEvents()).findFirstOrThrow({ orderBy: { seq: 'desc' } });
  assert.equal(chainHash(last.prevHash, last), last.hash);
  assert.notEqual(chainHash(last.prevHash, { ...last, resourceId: 'forged' }), last.hash);
});
