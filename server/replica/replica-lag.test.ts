import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLsn, ReplicaLag } from './replica-lag';

test('a WAL position reads as its 64-bit number, and anything else is refused', () => {
  assert.equal(parseLsn('0/3000000'), 0x3000000n);
  assert.equal(parseLsn('16/B374D848'), (0x16n << 32n) | 0xb374d848n);
  assert.ok(parseLsn('1/0') > parseLsn('0/FFFFFFFF'));
  assert.throws(() => parseLsn('16-B374D848'), /Not a WAL position/);
});

test('a replica that has replayed the primary’s position is as fresh as the check, however old its last commit (an idle primary is no lag)', () => {
  const lag = new ReplicaLag(60_000);
  // Its last replayed commit is an hour old: the timestamp alone would say an hour behind.
  assert.equal(lag.measure(10_250, { at: 10_000, lsn: 500n }, { replayLsn: 500n, replayAgeSeconds: 3600 }), 0.25);
});

test('a replica behind the primary is as stale as its last replayed commit, or as the last check whose position it has passed, whichever is less', () => {
  const lag = new ReplicaLag(60_000);
  assert.equal(lag.measure(0, { at: 0, lsn: 100n }, { replayLsn: 100n, replayAgeSeconds: null }), 0);
  assert.equal(lag.measure(5_000, { at: 5_000, lsn: 200n }, { replayLsn: 150n, replayAgeSeconds: 3600 }), 5, 'it has passed the position of 5 s ago');
  assert.equal(lag.measure(9_000, { at: 9_000, lsn: 300n }, { replayLsn: 250n, replayAgeSeconds: 1.5 }), 1.5, 'its last commit is 1.5 s old');
  assert.equal(lag.measure(12_000, { at: 12_000, lsn: 400n }, { replayLsn: 250n, replayAgeSeconds: 30 }), 7, 'the newest position it has passed is that of 5 s');
});

test('a replica behind the primary with nothing to date it by has an unknown lag, never 0', () => {
  const lag = new ReplicaLag(60_000);
  assert.equal(lag.measure(0, { at: 0, lsn: 200n }, { replayLsn: 100n, replayAgeSeconds: null }), null);
});

test('positions older than the horizon are forgotten once used: they could only prove a lag above the bound', () => {
  const lag = new ReplicaLag(10_000);
  lag.measure(0, { at: 0, lsn: 100n }, { replayLsn: 100n, replayAgeSeconds: null });
  assert.equal(lag.measure(20_000, { at: 20_000, lsn: 300n }, { replayLsn: 150n, replayAgeSeconds: null }), 20);
  assert.equal(lag.measure(21_000, { at: 21_000, lsn: 300n }, { replayLsn: 150n, replayAgeSeconds: null }), null);
});
