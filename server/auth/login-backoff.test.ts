import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inBackoff, loginBackoffMs } from './login-backoff';

test('no back-off for the first five failures, then 1 s doubling, capped at 5 minutes', () => {
  assert.deepEqual([0, 1, 4].map(loginBackoffMs), [0, 0, 0]);
  assert.deepEqual([5, 6, 7, 8, 9].map(loginBackoffMs), [1000, 2000, 4000, 8000, 16000]);
  assert.equal(loginBackoffMs(13), 256_000);
  assert.equal(loginBackoffMs(14), 300_000);
  assert.equal(loginBackoffMs(10_000), 300_000);
});

test('an attempt inside the back-off is held, one after it is not', () => {
  const last = new Date('2026-11-26T10:00:00.000Z');
  assert.equal(inBackoff(6, last, new Date('2026-11-26T10:00:01.999Z')), true);
  assert.equal(inBackoff(6, last, new Date('2026-11-26T10:00:02.000Z')), false);
  assert.equal(inBackoff(4, last, last), false);
  assert.equal(inBackoff(9, null, last), false);
});
