import assert from 'node:assert/strict';
import { test } from 'node:test';
import { identityKey } from './identity-key';

const base = { familyName: 'Al-Zawahiri', givenNames: 'Ayman Mohammed', dateOfBirth: '1951-06-19', documentNumber: 'P-123 456' };

test('the same person written differently gets the same key', () => {
  const same = { familyName: 'AL ZAWAHIRI', givenNames: 'mohammed  ayman', dateOfBirth: '1951-06-19', documentNumber: 'p123456' };
  assert.equal(identityKey(same), identityKey(base));
});

test('a different date of birth, document or name is a different identity', () => {
  assert.notEqual(identityKey({ ...base, dateOfBirth: '1951-06-20' }), identityKey(base));
  assert.notEqual(identityKey({ ...base, documentNumber: 'P123457' }), identityKey(base));
  assert.notEqual(identityKey({ ...base, familyName: 'Zawahiri' }), identityKey(base));
});

test('the key is a hash, not the name', () => {
  const key = identityKey(base);
  assert.match(key, /^[0-9a-f]{64}$/);
  assert.doesNotMatch(key, /ZAWAHIRI/i);
});
