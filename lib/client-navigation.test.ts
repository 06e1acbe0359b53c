import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isClientNavigation } from './client-navigation';

test('the router’s fetch is a client navigation; a document load, or a request that does not say, is not', () => {
  assert.equal(isClientNavigation(new Headers({ 'sec-fetch-dest': 'empty', rsc: '1' })), true);
  assert.equal(isClientNavigation(new Headers({ 'sec-fetch-dest': 'document' })), false);
  assert.equal(isClientNavigation(new Headers({ accept: 'text/html' })), false);
});
