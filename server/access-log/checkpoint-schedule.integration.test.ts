import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import pg from 'pg';
import { systemCaller } from '@/server/auth/caller';
import { db } from '@/server/db';
import { checkpointIfDue } from './checkpoint-schedule';
import { recordAccessEvent } from './record';

after(() => db().$disconnect());

test('a scheduled checkpoint is written when due, once per interval, naming the head', async () => {
  await db().$transaction((tx) => recordAccessEvent(tx, systemCaller('schedule-test'), { operation: 'LOGIN', resourceType: 'session' }));
  const far = new Date(Date.now() + 365 * 86_400_000);
  assert.equal(await checkpointIfDue(far), true, 'due after a long time');
  const head = await db().accessLogHead.findUniqueOrThrow({ where: { id: 1 } });
  const last = await db().accessLogCheckpoint.findFirstOrThrow({ orderBy: { id: 'desc' } });
  assert.equal(last.seq, head.lastSeq);
  assert.equal(last.hash, head.hash);
  assert.equal(await checkpointIfDue(new Date()), false, 'not again within the interval');
});

test('a scheduled checkpoint is written however long counting the log takes (past an interactive transaction\'s default 5 s)', async () => {
  await db().$transaction((tx) => recordAccessEvent(tx, systemCaller('schedule-test'), { operation: 'LOGIN', resourceType: 'session' }));
  const before = await db().accessLogCheckpoint.count();
  // Counting 71 million events took 7.8 s; here another session holds the checkpoint table for 6 s.
  const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await blocker.connect();
  try {
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE "AccessLogCheckpoint" IN ACCESS EXCLUSIVE MODE');
    const release = new Promise((resolve) => setTimeout(resolve, 6_000)).then(() => blocker.query('COMMIT'));
    const written = await checkpointIfDue(new Date(Date.now() + 2 * 365 * 86_400_000));
    await release;
    assert.equal(written, true);
    assert.equal(await db().accessLogCheckpoint.count(), before + 1);
  } finally {
    await blocker.end();
  }
});
