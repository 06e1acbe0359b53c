import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decode, encode } from 'next-auth/jwt';
import { decodeSessionJwt, encodeSessionJwt, sessionCookieValue } from './session-jwt';

const secret = 'a-test-secret-of-at-least-thirty-two-characters';
const token = { uid: '0195a1b2-0000-7000-8000-000000000001', sid: '0195a1b2-0000-7000-8000-000000000002', role: 'ANALYST' as const, issuedAt: 1_790_000_000_000, email: 'a@b.test', name: 'A' };

test('tokens pass both ways between next-auth and the cached-key codec', async () => {
  const ours = await encodeSessionJwt({ token, secret, maxAge: 3600 });
  assert.deepEqual(await decode({ token: ours, secret }), await decodeSessionJwt({ token: ours, secret }));
  assert.equal((await decode({ token: ours, secret }))?.uid, token.uid);
  const theirs = await encode({ token, secret, maxAge: 3600 });
  const decoded = await decodeSessionJwt({ token: theirs, secret });
  assert.equal(decoded?.sid, token.sid);
  assert.equal(decoded?.issuedAt, token.issuedAt);
});

test('a token under another secret, altered, or expired is refused', async () => {
  const ours = await encodeSessionJwt({ token, secret, maxAge: 3600 });
  await assert.rejects(decodeSessionJwt({ token: ours, secret: `${secret}-other` }));
  const altered = `${ours.slice(0, -3)}${ours.endsWith('AAA') ? 'BBB' : 'AAA'}`;
  await assert.rejects(decodeSessionJwt({ token: altered, secret }));
  const expired = await encodeSessionJwt({ token, secret, maxAge: -60 });
  await assert.rejects(decodeSessionJwt({ token: expired, secret }));
  assert.equal(await decodeSessionJwt({ token: '', secret }), null);
});

test('the session cookie is read as next-auth reads it, chunks in order', () => {
  const name = 'next-auth.session-token';
  assert.equal(sessionCookieValue([{ name: 'other', value: 'x' }, { name, value: 'whole' }], name), 'whole');
  assert.equal(sessionCookieValue([{ name: `${name}.1`, value: 'b' }, { name: `${name}.0`, value: 'a' }, { name: `${name}.2`, value: 'c' }], name), 'abc');
  assert.equal(sessionCookieValue([], name), '');
});
