import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatTimeLeft, sessionRemaining, sessionRemainingText } from './session-remaining';

const SERVER_NOW = '2026-03-02T10:00:00.000Z';
const status = {
  serverNow: SERVER_NOW,
  idleExpiresAt: '2026-03-02T10:27:00.000Z',
  absoluteExpiresAt: '2026-03-02T18:00:00.000Z',
  idleMinutes: 30,
  // The browser's clock is an hour behind the server's: only the time since counts.
  receivedAt: Date.parse(SERVER_NOW) - 3_600_000,
};

test('counts down from the server’s answer by the time passed since, whatever the browser’s clock says', () => {
  assert.equal(sessionRemaining(status, status.receivedAt).idleMs, 27 * 60_000);
  const later = sessionRemaining(status, status.receivedAt + 5 * 60_000);
  assert.equal(later.idleMs, 22 * 60_000);
  assert.equal(later.endsBy, 'idle');
  assert.equal(sessionRemainingText(later), 'Signed out in 22 min if idle');
});

test('the absolute limit is named when it comes before the idle one', () => {
  const late = { ...status, absoluteExpiresAt: '2026-03-02T10:12:00.000Z' };
  const remaining = sessionRemaining(late, late.receivedAt);
  assert.equal(remaining.endsBy, 'absolute');
  assert.equal(sessionRemainingText(remaining), 'Signed out in 12 min: the session’s time limit');
});

test('never negative; a session past its deadline says it has ended', () => {
  const remaining = sessionRemaining(status, status.receivedAt + 60 * 60_000);
  assert.equal(remaining.idleMs, 0);
  assert.equal(sessionRemainingText(remaining), 'Your session has ended.');
});

test('time left is rounded up to the minute, hours past 60 minutes', () => {
  assert.equal(formatTimeLeft(59_999), 'less than a minute');
  assert.equal(formatTimeLeft(60_000), '1 min');
  assert.equal(formatTimeLeft(26 * 60_000 + 1), '27 min');
  assert.equal(formatTimeLeft(65 * 60_000), '1 h 05 min');
  assert.equal(formatTimeLeft(3 * 3_600_000 + 12 * 60_000), '3 h 12 min');
});
