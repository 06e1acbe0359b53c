import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Db } from '@/server/db';
import { ReadRouter } from './read-router';

// The router's decisions with stand-in servers and a hand-moved clock; the same rules against
// a real primary and streaming standby are in read-replica.integration.test.ts.

interface FakeServer {
  name: 'primary' | 'replica';
  /** What the lag check reads: the primary's position, or the replica's replay state. */
  lsn: string;
  replayAgeSeconds: number | null;
  inRecovery: boolean;
  down: boolean;
}

function fakeServer(name: FakeServer['name'], lsn: string): FakeServer {
  return { name, lsn, replayAgeSeconds: null, inRecovery: name === 'replica', down: false };
}

/** A client whose $queryRaw answers the router's check queries from the fake server's fields. */
function clientOf(server: FakeServer): Db {
  return {
    $queryRaw: async (strings: TemplateStringsArray) => {
      if (server.down) throw new Error('connect ECONNREFUSED 127.0.0.1:5433');
      return strings.join('').includes('pg_current_wal_lsn')
        ? [{ lsn: server.lsn }]
        : [{ inRecovery: server.inRecovery, replayLsn: server.inRecovery ? server.lsn : null, replayAgeSeconds: server.replayAgeSeconds }];
    },
    $disconnect: async () => {},
  } as unknown as Db;
}

function setup() {
  const primary = fakeServer('primary', '0/3000000');
  const replica = fakeServer('replica', '0/3000000');
  const clock = { now: 0 };
  const logs: string[] = [];
  const replicaClient = clientOf(replica);
  const router = new ReadRouter({
    primary: () => clientOf(primary),
    replica: replicaClient,
    maxLagSeconds: 30,
    checkIntervalMs: 5_000,
    now: () => clock.now,
    log: (message) => logs.push(message),
  });
  // A read that says which server answered it, failing where that server is down.
  const where = () =>
    router.read(async (client) => {
      const answered = client === replicaClient ? replica : primary;
      if (answered.down) throw new Error('Connection terminated unexpectedly');
      return answered.name;
    });
  return { primary, replica, clock, logs, router, where };
}

test('a fresh replica takes the reads, and one check serves every read within the interval', async () => {
  const { clock, router, where, logs } = setup();
  for (let i = 0; i < 20; i++) {
    assert.equal(await where(), 'replica');
    clock.now += 100;
  }
  assert.equal(router.checks, 1);
  clock.now = 5_000;
  assert.equal(await where(), 'replica');
  assert.equal(router.checks, 2, 'an expired answer is checked again');
  assert.deepEqual(logs, ['Read replica in use (lag 0.00 s).']);
});

test('concurrent reads with an expired answer share one check', async () => {
  const { router, where } = setup();
  assert.deepEqual(await Promise.all([where(), where(), where()]), ['replica', 'replica', 'replica']);
  assert.equal(router.checks, 1);
});

test('a replica lagging past the bound sends reads to the primary until it has caught up, logging each change once', async () => {
  const { primary, replica, clock, logs, where } = setup();
  assert.equal(await where(), 'replica');
  // Replay stops at 0/3000000 while the primary moves on.
  primary.lsn = '0/4000000';
  replica.replayAgeSeconds = 10;
  clock.now = 5_000;
  assert.equal(await where(), 'replica', '10 s behind is within 30 s');
  replica.replayAgeSeconds = 45;
  for (const at of [40_000, 45_000, 50_000]) {
    clock.now = at;
    assert.equal(await where(), 'primary');
  }
  replica.lsn = '0/4000000';
  clock.now = 55_000;
  assert.equal(await where(), 'replica');
  assert.equal(logs.length, 3, logs.join('\n'));
  assert.match(logs[1]!, /^Read replica not used \(lagging: lag 40\.00 s is over 30 s\)/);
  assert.equal(logs[2], 'Read replica in use again (lag 0.00 s).');
});

test('an unreachable replica costs a read on the primary, never an error, and is tried again at the next check', async () => {
  const { replica, clock, logs, router, where } = setup();
  assert.equal(await where(), 'replica');
  // Down between checks: the read that finds out is answered by the primary.
  replica.down = true;
  assert.equal(await where(), 'primary');
  assert.equal(await where(), 'primary');
  const checks = router.checks;
  clock.now = 5_000;
  assert.equal(await where(), 'primary', 'the next check finds it unreachable');
  assert.equal(router.checks, checks + 1);
  clock.now = 10_000;
  assert.equal(await where(), 'primary');
  replica.down = false;
  clock.now = 15_000;
  assert.equal(await where(), 'replica');
  assert.deepEqual(
    logs.map((line) => line.replace(/\(.*\)/, '(…)')),
    ['Read replica in use (…).', 'Read replica not used (…); its reads go to the primary until a check finds it fresh.', 'Read replica not used (…); its reads go to the primary until a check finds it fresh.', 'Read replica in use again (…).'],
    'one line when a read failed, one when the check found it unreachable: not one per read',
  );
});

test('a server that is not in recovery is no replica: its data may be anything', async () => {
  const { replica, where, router } = setup();
  replica.inRecovery = false;
  assert.equal(await where(), 'primary');
  assert.deepEqual(await router.current(), { use: 'primary', reason: 'not-a-standby', detail: 'the replica is not a standby in recovery', lagSeconds: null, checkedAt: 0 });
});

test('a replica that does not answer the check in time is treated as unreachable', async () => {
  const primary = fakeServer('primary', '0/3000000');
  const hanging = { $queryRaw: () => new Promise(() => {}), $disconnect: async () => {} } as unknown as Db;
  const router = new ReadRouter({ primary: () => clientOf(primary), replica: hanging, maxLagSeconds: 30, checkIntervalMs: 5_000, checkTimeoutMs: 50, log: () => {} });
  const state = await router.current();
  assert.equal(state.use, 'primary');
  assert.equal(state.use === 'primary' && state.reason, 'unreachable');
});
