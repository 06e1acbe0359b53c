import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crossSiteReason, crossSiteReasonOf, hasSessionCookie, ownOrigins, type RequestFacts } from './same-origin';

const OURS = ['http://localhost:3000'];
const base: RequestFacts = { method: 'POST', origin: 'http://localhost:3000', secFetchSite: 'same-origin', hasSessionCookie: true, hasBearerToken: false, ownOrigins: OURS };

test('the decision table: with a session cookie, a state-changing request needs our own Origin', () => {
  const cases: [Partial<RequestFacts>, ReturnType<typeof crossSiteReason>][] = [
    [{}, null],
    [{ origin: 'null' }, 'origin-null'],
    [{ origin: 'https://evil.example' }, 'origin-foreign'],
    [{ origin: 'http://localhost:3001' }, 'origin-foreign'], // another port is another origin
    [{ origin: 'https://localhost:3000' }, 'origin-foreign'], // another scheme too
    [{ origin: 'http://localhost:3000.evil.example' }, 'origin-foreign'],
    [{ origin: null, secFetchSite: null }, 'origin-missing'],
    [{ origin: null, secFetchSite: 'cross-site' }, 'origin-missing'],
    [{ origin: null, secFetchSite: 'same-site' }, 'origin-missing'],
    [{ origin: null, secFetchSite: 'none' }, 'origin-missing'],
    [{ origin: null, secFetchSite: 'same-origin' }, null],
    // A Bearer token authenticates a machine: no Origin needed — but a foreign one is refused all the same.
    [{ origin: null, secFetchSite: null, hasBearerToken: true }, null],
    [{ origin: 'https://evil.example', hasBearerToken: true }, 'origin-foreign'],
    [{ origin: 'null', hasBearerToken: true }, 'origin-null'],
    // Without the cookie nothing ambient authenticates the request: the token check or the 401 decides.
    [{ origin: 'https://evil.example', hasSessionCookie: false }, null],
    [{ origin: null, secFetchSite: null, hasSessionCookie: false, hasBearerToken: true }, null],
    // Every state-changing method, whatever its case; safe methods pass.
    [{ method: 'put', origin: 'null' }, 'origin-null'],
    [{ method: 'PATCH', origin: null, secFetchSite: null }, 'origin-missing'],
    [{ method: 'DELETE', origin: 'https://evil.example' }, 'origin-foreign'],
    [{ method: 'GET', origin: 'https://evil.example' }, null],
    [{ method: 'HEAD', origin: 'null' }, null],
    [{ method: 'OPTIONS', origin: null, secFetchSite: null }, null],
  ];
  for (const [overrides, expected] of cases) {
    assert.equal(crossSiteReason({ ...base, ...overrides }), expected, JSON.stringify(overrides));
  }
});

test('session cookies are recognised by name, chunked or __Secure-, and nothing else', () => {
  assert.equal(hasSessionCookie(null), false);
  assert.equal(hasSessionCookie('next-auth.csrf-token=abc; next-auth.callback-url=x'), false);
  assert.equal(hasSessionCookie('a=1; next-auth.session-token=eyJ'), true);
  assert.equal(hasSessionCookie('__Secure-next-auth.session-token=eyJ'), true);
  assert.equal(hasSessionCookie('next-auth.session-token.0=eyJ; next-auth.session-token.1=x'), true);
  assert.equal(hasSessionCookie('next-auth.session-tokenx=1; my-next-auth.session-token=1'), false);
});

test('our origins: NEXTAUTH_URL and the Host the request was addressed to, with the forwarded scheme', () => {
  const headers = new Headers({ host: 'proportio.internal:8443', 'x-forwarded-proto': 'https' });
  assert.deepEqual(ownOrigins('http://proportio.internal:8443/api/v1/hits/next', headers, 'https://proportio.example.eu/'), [
    'https://proportio.example.eu',
    'https://proportio.internal:8443',
  ]);
  assert.deepEqual(ownOrigins('http://localhost:3000/x', new Headers({ host: 'localhost:3000' }), undefined), ['http://localhost:3000']);
  // A scheme the proxy cannot mean is ignored, not trusted.
  assert.deepEqual(ownOrigins('http://localhost:3000/x', new Headers({ host: 'localhost:3000', 'x-forwarded-proto': 'javascript' }), undefined), ['http://localhost:3000']);
});

test('a whole request: the headers a browser sends decide', () => {
  const request = (headers: Record<string, string>, method = 'POST') => new Request('http://localhost:3000/api/v1/hits/next', { method, headers: { host: 'localhost:3000', ...headers } });
  const cookie = 'next-auth.session-token=eyJ';
  assert.equal(crossSiteReasonOf(request({ cookie, origin: 'http://localhost:3000' }), 'http://localhost:3000'), null);
  assert.equal(crossSiteReasonOf(request({ cookie, origin: 'https://evil.example' }), 'http://localhost:3000'), 'origin-foreign');
  assert.equal(crossSiteReasonOf(request({ cookie }), 'http://localhost:3000'), 'origin-missing');
  assert.equal(crossSiteReasonOf(request({ cookie, 'sec-fetch-site': 'same-origin' }), 'http://localhost:3000'), null);
  assert.equal(crossSiteReasonOf(request({ cookie, authorization: 'Bearer ppt_x' }), 'http://localhost:3000'), null);
  assert.equal(crossSiteReasonOf(request({ cookie, authorization: 'Basic eDp5' }), 'http://localhost:3000'), 'origin-missing', 'only a Bearer token exempts');
  assert.equal(crossSiteReasonOf(request({ authorization: 'Bearer ppt_x' }), 'http://localhost:3000'), null);
});
