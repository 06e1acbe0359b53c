import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { openTravellerData, sealTravellerBatch, sealTravellerData } from './traveller-vault';

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

test('a batch sealed at once: each traveller under a key and IV of their own, each opening alone', () => {
  const items = Array.from({ length: 50 }, (_, index) => ({ travellerId: randomUUID(), values: { ...values, index } }));
  const sealed = sealTravellerBatch(items, masterKey);
  assert.equal(sealed.length, items.length);
  sealed.forEach((record, index) => assert.deepEqual(openTravellerData(items[index]!.travellerId, record, masterKey), items[index]!.values));
  assert.equal(new Set(sealed.map((record) => Buffer.from(record.wrappedKey).toString('hex'))).size, items.length, 'no two wrapped keys alike');
  assert.equal(new Set(sealed.map((record) => Buffer.from(record.iv).toString('hex'))).size, items.length, 'no two IVs alike');
  assert.throws(() => openTravellerData(items[1]!.travellerId, sealed[0]!, masterKey), 'records of one batch do not open for each other');
});
