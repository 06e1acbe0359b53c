import assert from 'node:assert/strict';
import { test } from 'node:test';
import { suppressionApplies } from './suppression-rule';

const now = new Date('2026-11-25T12:00:00Z');
const entry = { id: 'entry-1', version: 3 };
const cleared = { entryId: 'entry-1', entryVersion: 3, expiresAt: new Date('2031-11-25T00:00:00Z') };

test('a cleared identity is not raised again against the same entry version', () => {
  assert.equal(suppressionApplies(cleared, entry, now), true);
});

test('a changed entry, another entry, or expired data raise the hit again', () => {
  assert.equal(suppressionApplies(cleared, { ...entry, version: 4 }, now), false);
  assert.equal(suppressionApplies(cleared, { id: 'entry-2', version: 3 }, now), false);
  assert.equal(suppressionApplies({ ...cleared, expiresAt: new Date('2026-11-25T11:59:59Z') }, entry, now), false);
  assert.equal(suppressionApplies(null, entry, now), false);
});
