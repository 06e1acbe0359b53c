import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessLogFilterFields, ACCESS_LOG_FILTER_KEYS } from './access-log';

test('the zod-free list of the search’s URL parameters is the filters’ keys, in order', () => {
  assert.deepEqual([...ACCESS_LOG_FILTER_KEYS], Object.keys(accessLogFilterFields));
});
