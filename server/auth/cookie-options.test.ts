import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cookieOptions } from './cookie-options';

test('the session cookie is HttpOnly and SameSite=Lax always, Secure and __Secure- over HTTPS', () => {
  const https = cookieOptions('https://proportio.example.eu');
  assert.equal(https.useSecureCookies, true);
  assert.deepEqual(https.cookies?.sessionToken, {
    name: '__Secure-next-auth.session-token',
    options: { httpOnly: true, sameSite: 'lax', path: '/', secure: true },
  });
  for (const url of ['http://localhost:3000', undefined]) {
    const plain = cookieOptions(url);
    assert.equal(plain.useSecureCookies, false);
    assert.deepEqual(plain.cookies?.sessionToken?.options, { httpOnly: true, sameSite: 'lax', path: '/', secure: false });
    assert.equal(plain.cookies?.sessionToken?.name, 'next-auth.session-token');
  }
});
