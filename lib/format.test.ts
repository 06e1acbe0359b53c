import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatAge } from './format';

test('formatAge reads in minutes, hours, then days', () => {
  const now = new Date('2026-01-10T12:00:00Z');
  assert.equal(formatAge(new Date('2026-01-10T11:48:00Z'), now), '12 min');
  assert.equal(formatAge(new Date('2026-01-10T08:45:00Z'), now), '3 h 15 min');
  assert.equal(formatAge(new Date('2026-01-06T12:00:00Z'), now), '4 d');
});

test('formatAge never goes negative for a clock skewed into the future', () => {
  assert.equal(formatAge(new Date('2026-01-10T12:05:00Z'), new Date('2026-01-10T12:00:00Z')), '0 min');
});
