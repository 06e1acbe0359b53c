import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { openTravellerData, sealTravellerData } from './traveller-vault';

const masterKey = randomBytes(32);
const values = { familyName: 'Haddad', givenNames: 'Yusuf', documentNumber: 'P1234567', dateOfBirth: '1971-03-14' };

test('sealed values open again only with the same master key and traveller', () => {
  const id = randomUUID();
  const sealed = sealTravellerData(id, values, masterKey);
  assert.deepEqual(openTravellerData(id, sealed, masterKey), values);
  assert.throws(() => openTravellerData(id, sealed, randomBytes(32)));
  assert.throws(() => openTravellerData(randomUUID(), sealed, masterKey), 'a record moved to another traveller does not open');
});

test('the ciphertext does not contain the values, and a changed byte is detected', () => {
  const id = randomUUID();
  const sealed = sealTravellerData(id, values, masterKey);
  const stored = Buffer.concat([sealed.ciphertext, sealed.wrappedKey]).toString('latin1');
  for (const value of Object.values(values)) assert.ok(!stored.includes(value));
  const tampered = { ...sealed, ciphertext: Uint8Array.from(sealed.ciphertext) };
  tampered.ciphertext[0] = (tampered.ciphertext[0] ?? 0) ^ 1;
  assert.throws(() => openTravellerData(id, tampered, masterKey));
});

test('each traveller gets a data key of their own', () => {
  const a = sealTravellerData(randomUUID(), values, masterKey);
  const b = sealTravellerData(randomUUID(), values, masterKey);
  assert.notDeepEqual(Buffer.from(a.wrappedKey), Buffer.from(b.wrappedKey));
  assert.notDeepEqual(Buffer.from(a.ciphertext), Buffer.from(b.ciphertext));
});
