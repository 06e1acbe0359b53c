import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBucket, formatHours, formatRate, formatRatio } from './metrics-format';

test('rates keep enough digits that a small rate does not read as zero', () => {
  assert.equal(formatRate(null), '—');
  assert.equal(formatRate(0), '0 %');
  assert.equal(formatRate(0.75), '75.0 %');
  assert.equal(formatRate(0.0123), '1.23 %');
  assert.equal(formatRate(0.0008), '0.080 %');
  assert.equal(formatRate(0.000002), '0.0002 %');
});

test('ratios, hours and buckets read as words a person uses', () => {
  assert.equal(formatRatio(1.3043), '1.30×');
  assert.equal(formatHours(0.5), '30 min');
  assert.equal(formatHours(9.1), '9.1 h');
  assert.equal(formatBucket('2026-11-01', 'month'), 'Nov 2026');
  assert.equal(formatBucket('2026-11-23', 'week'), 'Week of 2026-11-23');
  assert.equal(formatBucket('2026-11-25', 'day'), '2026-11-25');
});
