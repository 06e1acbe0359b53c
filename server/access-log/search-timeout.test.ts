import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indexBounded, SearchTooBroadError, searchTooBroad } from './search-timeout';

test('a search that an index reads in order runs without a time limit; one that may walk the log gets one', () => {
  assert.equal(indexBounded({}), true, 'the newest events: (at)');
  assert.equal(indexBounded({ from: new Date(0), to: new Date() }), true);
  assert.equal(indexBounded({ actorIds: ['a'], from: new Date(0), to: new Date() }), true, 'one user and a range: (actorId, at)');
  assert.equal(indexBounded({ operation: 'DISCLOSURE' }), true, '(operation, at)');
  assert.equal(indexBounded({ travellerIds: ['t'], operation: 'DISCLOSURE', purpose: 'x' }), true, 'a person has few events');
  assert.equal(indexBounded({ actorIds: ['a', 'b'] }), false, 'two users: no index gives their events in time order');
  assert.equal(indexBounded({ actorIds: ['a'], operation: 'DISCLOSURE' }), false, 'a rare operation of a busy user');
  assert.equal(indexBounded({ outcome: 'FAILED' }), false);
  assert.equal(indexBounded({ purpose: 'audit' }), false);
  assert.equal(indexBounded({ actorLabel: 'carrier-feed' }), false, 'no index on the label');
});

test('only a statement stopped by its time limit (57014, however deep) or an expired transaction becomes advice', () => {
  const adapter = { name: 'DriverAdapterError', message: 'postgres', cause: { kind: 'postgres', code: '57014', message: 'canceling statement due to statement timeout' } };
  const prisma = Object.assign(new Error('Raw query failed.'), { code: 'P2010', meta: { driverAdapterError: adapter } });
  assert.ok(searchTooBroad(prisma) instanceof SearchTooBroadError);
  assert.ok(searchTooBroad(new Error('Transaction API error: Transaction already closed: A query cannot be executed on an expired transaction.')) instanceof SearchTooBroadError);
  const unique = Object.assign(new Error('Unique constraint failed'), { code: 'P2002' });
  assert.equal(searchTooBroad(unique), unique);
  const lost = Object.assign(new Error('Connection terminated'), { code: '57P01' });
  assert.equal(searchTooBroad(lost), lost);
});
