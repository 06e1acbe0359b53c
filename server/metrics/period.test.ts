import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bucketOf, judgedThrough, periodBounds, periodBuckets } from './period';

test('a period covers whole UTC days, its end exclusive', () => {
  const bounds = periodBounds({ from: '2026-11-01', to: '2026-11-30', granularity: 'day' });
  assert.equal(bounds.start.toISOString(), '2026-11-01T00:00:00.000Z');
  assert.equal(bounds.end.toISOString(), '2026-12-01T00:00:00.000Z');
});

test('buckets start on the day, on the Monday of the week, or on the first of the month, as date_trunc does', () => {
  assert.equal(bucketOf('2026-11-25', 'day'), '2026-11-25');
  assert.equal(bucketOf('2026-11-25', 'week'), '2026-11-23'); // a Wednesday
  assert.equal(bucketOf('2026-11-23', 'week'), '2026-11-23'); // a Monday
  assert.equal(bucketOf('2026-11-29', 'week'), '2026-11-23'); // a Sunday
  assert.equal(bucketOf('2026-11-25', 'month'), '2026-11-01');
});

test('every bucket of the period is listed once, in order, quiet ones included', () => {
  assert.equal(periodBuckets({ from: '2026-11-01', to: '2026-11-30', granularity: 'day' }).length, 30);
  assert.deepEqual(periodBuckets({ from: '2026-11-25', to: '2026-12-08', granularity: 'week' }), ['2026-11-23', '2026-11-30', '2026-12-07']);
  assert.deepEqual(periodBuckets({ from: '2025-12-31', to: '2026-02-01', granularity: 'month' }), ['2025-12-01', '2026-01-01', '2026-02-01']);
  // Across a leap day.
  assert.deepEqual(periodBuckets({ from: '2028-02-28', to: '2028-03-01', granularity: 'day' }), ['2028-02-28', '2028-02-29', '2028-03-01']);
});

test('reveals are judged through the day before yesterday: its last reveal is past 24 hours from the first instant of today on', () => {
  assert.equal(judgedThrough(new Date('2026-11-27T00:00:00.000Z')), '2026-11-25');
  assert.equal(judgedThrough(new Date('2026-11-27T23:59:59.999Z')), '2026-11-25');
  assert.equal(judgedThrough(new Date('2026-03-01T08:00:00.000Z')), '2026-02-27');
  // The last instant of the judged day is at least 24 hours before any `now` that judges it.
  for (const now of ['2026-11-27T00:00:00.000Z', '2026-11-27T13:30:00.000Z']) {
    const lastInstant = Date.parse(`${judgedThrough(new Date(now))}T23:59:59.999Z`);
    assert.ok(Date.parse(now) - lastInstant >= 24 * 3600 * 1000 - 1);
  }
});
