import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { systemCaller } from '@/server/auth/caller';
import { db, type Tx } from '@/server/db';
import { writeCheckpoint } from './checkpoint';
import { chainAccessEvents } from './chainer';
import { recordAccessEvents } from './record';
import { verifyChain } from './verify';

// The database itself refuses to change the log (migration 20261125200000). Every attempt
// runs in a transaction that is rolled back, so a failing test never breaks the shared chain.

const anchorDir = mkdtempSync(path.join(os.tmpdir(), 'proportio-anchors-'));
after(async () => {
  rmSync(anchorDir, { recursive: true, force: true });
  await db().$disconnect();
});

before(async () => {
  await db().$transaction((tx) =>
    recordAccessEvents(tx, systemCaller('append-only-test'), Array.from({ length: 5 }, (_, i) => ({ operation: 'CONSULTATION' as const, resourceType: 'hit', resourceId: `a-${i}` }))),
  );
});

// The chain's last seq once everything committed is linked.
const head = async () => {
  await chainAccessEvents();
  return (await db().accessLogHead.findUniqueOrThrow({ where: { id: 1 } })).lastSeq;
};

async function assertRefused(statement: (tx: Tx) => Promise<unknown>) {
  await assert.rejects(
    db().$transaction(async (tx) => {
      await statement(tx);
      throw new Error('the statement was allowed');
    }),
    /The access log is append-only/,
  );
}

// Backdates one event past the 5-year limit, as the owner could (triggers off), then turns the triggers back on.
async function ageOut(tx: Tx, seq: bigint) {
  await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
  await tx.$executeRaw`UPDATE "AccessEvent" SET at = now() - interval '5 years 1 day' WHERE seq = ${seq}`;
  await tx.$executeRaw`SET LOCAL session_replication_role = origin`;
}

test('pending events are append-only too: only the chainer moves them', async () => {
  await db().$transaction((tx) => recordAccessEvents(tx, systemCaller('pending-test'), [{ operation: 'CONSULTATION', resourceType: 'hit', resourceId: 'p' }]));
  const [pending] = await db().accessEventPending.findMany({ where: { actorLabel: 'pending-test' } });
  assert.ok(pending, 'the event waits as pending until it is linked');
  await assertRefused((tx) => tx.$executeRaw`UPDATE "AccessEventPending" SET purpose = 'forged' WHERE id = ${pending.id}`);
  await assertRefused((tx) => tx.$executeRaw`DELETE FROM "AccessEventPending" WHERE id = ${pending.id}`);
  await assertRefused((tx) => tx.$executeRaw`TRUNCATE "AccessEventPending"`);
  await chainAccessEvents();
  assert.equal(await db().accessEventPending.count({ where: { id: pending.id } }), 0);
  assert.equal((await verifyChain(db())).intact, true);
});

test('UPDATE, DELETE and TRUNCATE of events are refused', async () => {
  const target = (await head()) - 2n;
  await assertRefused((tx) => tx.$executeRaw`UPDATE "AccessEvent" SET purpose = 'forged' WHERE seq = ${target}`);
  await assertRefused((tx) => tx.$executeRaw`DELETE FROM "AccessEvent" WHERE seq = ${target}`);
  await assertRefused((tx) => tx.$executeRaw`TRUNCATE "AccessEvent"`);
  // Declaring the erasure does not reach an event younger than 5 years.
  await assertRefused(async (tx) => {
    await tx.$executeRaw`SELECT set_config('proportio.erasure', 'on', true)`;
    await tx.$executeRaw`DELETE FROM "AccessEvent" WHERE seq = ${target}`;
  });
  assert.equal((await verifyChain(db())).intact, true);
});

test('erasure deletes an event older than 5 years, and only when declared', async () => {
  const target = (await head()) - 2n;
  await assertRefused(async (tx) => {
    await ageOut(tx, target);
    await tx.$executeRaw`DELETE FROM "AccessEvent" WHERE seq = ${target}`;
  });
  await assert.rejects(
    db().$transaction(async (tx) => {
      await ageOut(tx, target);
      await tx.$executeRaw`SELECT set_config('proportio.erasure', 'on', true)`;
      assert.equal(await tx.$executeRaw`DELETE FROM "AccessEvent" WHERE seq = ${target}`, 1);
      // Issue 8's erasure explains its gap with a checkpoint and an event; on its own it shows.
      assert.equal((await verifyChain(tx)).firstBroken?.kind, 'deleted');
      throw new Error('rolled back');
    }),
    /rolled back/,
  );
  assert.equal((await verifyChain(db())).intact, true);
});

test('checkpoints cannot be changed, deleted or truncated', async () => {
  const insert = (tx: Tx) => writeCheckpoint(tx, 'refusal test', path.join(anchorDir, 'refused.jsonl'));
  await assertRefused(async (tx) => {
    await insert(tx);
    await tx.$executeRaw`UPDATE "AccessLogCheckpoint" SET hash = ${'d'.repeat(64)}`;
  });
  await assertRefused(async (tx) => {
    await insert(tx);
    await tx.$executeRaw`DELETE FROM "AccessLogCheckpoint"`;
  });
  await assertRefused((tx) => tx.$executeRaw`TRUNCATE "AccessLogCheckpoint"`);
});

test('the head stays updatable: appending moves it', async () => {
  const before = await head();
  await db().$transaction((tx) => recordAccessEvents(tx, systemCaller('append-only-test'), [{ operation: 'CONSULTATION', resourceType: 'hit' }]));
  assert.equal(await head(), before + 1n);
});
