import assert from 'node:assert/strict';
import { after, test } from 'node:test';
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
