import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_HIT_QUERY, hitDecisionSchema, hitQueryToParams, parseHitQuery } from './hit';

test('valid filters parse and round-trip through the URL, defaults left out', () => {
  const { query, ignored } = parseHitQuery(new URLSearchParams('status=NEW&scoreMin=0.8&flightFrom=2026-11-01&assignee=me&sort=score'));
  assert.deepEqual(ignored, []);
  assert.deepEqual(query, { ...DEFAULT_HIT_QUERY, status: 'NEW', scoreMin: 0.8, flightFrom: '2026-11-01', assignee: 'me', sort: 'score' });
  assert.equal(hitQueryToParams(query).toString(), 'status=NEW&scoreMin=0.8&flightFrom=2026-11-01&assignee=me&sort=score');
  assert.equal(hitQueryToParams(DEFAULT_HIT_QUERY).toString(), '');
});

test('each bad parameter is ignored and named; the others still apply', () => {
  const { query, ignored } = parseHitQuery({ status: 'DELETED', scoreMin: '7', scoreMax: '0.9', sort: 'random', flightTo: '25/11/2026' });
  assert.deepEqual(ignored.map((notice) => notice.key).sort(), ['flightTo', 'scoreMin', 'sort', 'status']);
  assert.equal(query.scoreMax, 0.9);
  assert.equal(query.status, 'open');
});

test('inverted ranges drop their upper end with a notice', () => {
  const { query, ignored } = parseHitQuery({ scoreMin: '0.9', scoreMax: '0.2', flightFrom: '2026-11-10', flightTo: '2026-11-01' });
  assert.equal(query.scoreMax, undefined);
  assert.equal(query.flightTo, undefined);
  assert.equal(ignored.length, 2);
});

test('a decision carries its required reason', () => {
  assert.equal(hitDecisionSchema.safeParse({ decision: 'clear', version: 1 }).success, false);
  assert.equal(hitDecisionSchema.safeParse({ decision: 'clear', reason: 'OTHER', version: 1 }).success, false, 'Other needs a note');
  assert.equal(hitDecisionSchema.safeParse({ decision: 'clear', reason: 'DIFFERENT_DOB', version: 1 }).success, true);
  assert.equal(hitDecisionSchema.safeParse({ decision: 'confirm', note: 'short', version: 1 }).success, false);
  assert.equal(hitDecisionSchema.safeParse({ decision: 'confirm', note: 'Same passport number.', version: 1 }).success, true);
});

test('the zod-free list of the queue’s URL parameters is the filters’ keys, in order', async () => {
  const { hitFilterFields, HIT_FILTER_KEYS } = await import('./hit');
  assert.deepEqual([...HIT_FILTER_KEYS], Object.keys(hitFilterFields));
});
