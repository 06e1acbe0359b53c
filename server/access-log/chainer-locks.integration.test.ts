import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import pg from 'pg';
import { chainAccessEvents } from '@/server/access-log/chainer';
import { db } from '@/server/db';
import { revealField } from '@/server/hits/reveal-field';
import { callerFor, createHit, createUser } from '@/server/testing/factories';

// The chainer and a writer that locks several hits in id order (bulk assignment, decisions'
// metrics trigger) take the hits' row locks in the same order, so neither waits for the other
// while holding what the other needs: no deadlock, nothing aborted
// (migration 20261129090000_chainer_locks_revealed_hits_in_order).

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: run through npm run test:integration');
const clients: pg.Client[] = [];
async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  clients.push(client);
  return client;
}
after(async () => {
  await Promise.all(clients.map((client) => client.end()));
  await db().$disconnect();
});

async function waitForLockWait(observer: pg.Client, pid: number): Promise<void> {
  for (let tries = 0; tries < 200; tries += 1) {
    const row = (await observer.query<{ waiting: boolean }>(`SELECT wait_event_type = 'Lock' AS waiting FROM pg_stat_activity WHERE pid = $1`, [pid])).rows[0];
    if (row?.waiting) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the chainer never waited for the hit lock');
}

test('a batch revealing a higher hit before a lower one is chained while a writer locks both in id order', async () => {
  const analyst = callerFor(await createUser('ANALYST'));
  const [low, high] = [(await createHit()).hit.id, (await createHit()).hit.id].sort();
  assert.ok(low && high);
  await chainAccessEvents();
  // In the chain's order: the higher hit's reveal first.
  await revealField(analyst, high, { field: 'documentNumber', purpose: 'DOCUMENT_CHECK' });
  await revealField(analyst, low, { field: 'documentNumber', purpose: 'DOCUMENT_CHECK' });

  const writer = await connect();
  const chainer = await connect();
  const observer = await connect();
  const chainerPid = (await chainer.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
  // Fail fast rather than after PostgreSQL's deadlock detection picks a victim.
  await writer.query(`SET lock_timeout = '10s'`);
  await chainer.query(`SET lock_timeout = '10s'`);

  await writer.query('BEGIN');
  await writer.query('SELECT 1 FROM "Hit" WHERE id = $1 FOR NO KEY UPDATE', [low]);
  const chained = chainer.query<{ linked: number }>('SELECT chain_access_events(10000) AS linked');
  chained.catch(() => {}); // awaited below
  await waitForLockWait(observer, chainerPid);
  // With the locks taken row by row in the chain's order, the chainer would now hold the
  // higher hit and this would deadlock.
  await writer.query('SELECT 1 FROM "Hit" WHERE id = $1 FOR NO KEY UPDATE', [high]);
  await writer.query('COMMIT');

  assert.equal((await chained).rows[0]?.linked, 2);
  const reveals = await db().accessEvent.count({ where: { resourceId: { in: [low, high] }, details: { path: ['view'], equals: 'reveal' } } });
  assert.equal(reveals, 2);
});
