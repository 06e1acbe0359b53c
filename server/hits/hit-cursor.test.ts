import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeHitCursor, encodeHitCursor } from './hit-cursor';

const id = '0195f0a2-7b1c-7c00-8000-000000000001';

test('a cursor round-trips for its own sort order only', () => {
  const cursor = encodeHitCursor('deadline', '2026-11-25T10:00:00.000Z', id);
  assert.deepEqual(decodeHitCursor('deadline', cursor), { value: '2026-11-25T10:00:00.000Z', id });
  assert.equal(decodeHitCursor('score', cursor), null);
  assert.deepEqual(decodeHitCursor('score', encodeHitCursor('score', 0.93, id)), { value: 0.93, id });
});

test('garbage, tampered ids and wrong value types decode to null', () => {
  assert.equal(decodeHitCursor('deadline', 'not-a-cursor'), null);
  assert.equal(decodeHitCursor('deadline', encodeHitCursor('deadline', '2026-11-25', "1' OR 1=1")), null);
  assert.equal(decodeHitCursor('score', encodeHitCursor('score', 'high', id)), null);
  assert.equal(decodeHitCursor('age', encodeHitCursor('age', 'yesterday', id)), null);
});
