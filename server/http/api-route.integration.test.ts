import assert from 'node:assert/strict';
import { after, mock, test } from 'node:test';
import { db } from '@/server/db';
import { ClientClosedRequestError, NotFoundError } from '@/server/errors';
import { readText } from './read-request';
import { callerFor, chainedAccessEvents, createUser } from '@/server/testing/factories';
import { refuseCrossSite } from './cross-site-refusal';
import { errorResponse, requestContextOf } from './error-response';
import { crossSiteReasonOf } from './same-origin';

// The server side of apiRoute's error answers and cross-site refusals, against the real
// database. (apiRoute itself resolves sessions through next-auth, which needs Next's
// request scope: e2e/security-headers.spec.ts drives it over HTTP.)

after(() => db().$disconnect());

const ORIGIN = 'http://localhost:3000';
const stringify = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

function post(headers: Record<string, string>, path = '/api/v1/probe'): Request {
  return new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { host: 'localhost:3000', ...headers }, body: '{}' });
}

test('an unexpected error: a short answer with the request id, and one log line with the same id', async () => {
  const requestId = crypto.randomUUID();
  const context = requestContextOf(post({ 'x-request-id': requestId }, '/api/v1/probe?name=MUSTERMANN'));
  const logged = mock.method(console, 'error', () => {});
  let response: Response;
  try {
    response = errorResponse(Object.assign(new Error('relation "Traveller" violates something\n  familyName: "MUSTERMANN"'), { code: 'P2010' }), context);
  } finally {
    logged.mock.restore();
  }
  assert.equal(response.status, 500);
  assert.equal(response.headers.get('cache-control'), 'no-store, no-transform');
  const body = (await response.json()) as { message: string; requestId: string };
  assert.equal(body.requestId, requestId);
  assert.deepEqual(Object.keys(body).sort(), ['message', 'requestId'], 'no stack, no error message');
  assert.ok(!JSON.stringify(body).includes('Traveller'));

  assert.equal(logged.mock.callCount(), 1, 'one line per error');
  const line = String(logged.mock.calls[0]?.arguments[0]);
  const entry = JSON.parse(line);
  assert.deepEqual([entry.requestId, entry.method, entry.path, entry.error.code], [requestId, 'POST', '/api/v1/probe', 'P2010']);
  assert.ok(!line.includes('MUSTERMANN'), 'no personal data from the query string or the error’s detail lines');
});

test('expected errors name the request id and are not logged as failures', async () => {
  const context = requestContextOf(post({ 'x-request-id': 'rid-1' }));
  const logged = mock.method(console, 'error', () => {});
  const response = errorResponse(new NotFoundError('This hit does not exist.'), context);
  logged.mock.restore();
  assert.equal(response.status, 404);
  assert.deepEqual(await response.json(), { message: 'This hit does not exist.', requestId: 'rid-1' });
  assert.equal(logged.mock.callCount(), 0);
  // Without proxy.ts's id, one is made up: answers always carry one.
  assert.match(requestContextOf(post({})).requestId, /^[0-9a-f-]{36}$/);
});

test('a client that leaves mid-body is an abandoned request (499, logged as info), not an outage or an error', async () => {
  // What Node's server does to a request whose socket closes before its body has arrived.
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"version":'));
      controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    },
  });
  const request = new Request(`${ORIGIN}/api/v1/hits/x/decision`, { method: 'POST', headers: { host: 'localhost:3000' }, body, duplex: 'half' } as RequestInit);
  const thrown = await readText(request).then(
    () => null,
    (error: unknown) => error,
  );
  assert.ok(thrown instanceof ClientClosedRequestError, `got ${String(thrown)}`);

  const errors = mock.method(console, 'error', () => {});
  const infos = mock.method(console, 'info', () => {});
  let response: Response;
  try {
    response = errorResponse(thrown, requestContextOf(post({ 'x-request-id': 'rid-gone' })));
  } finally {
    errors.mock.restore();
    infos.mock.restore();
  }
  assert.equal(response.status, 499);
  assert.equal(errors.mock.callCount(), 0, 'not an error line (nor a 503 "database unavailable")');
  assert.equal(infos.mock.callCount(), 1);
  assert.equal(JSON.parse(String(infos.mock.calls[0]?.arguments[0])).requestId, 'rid-gone');
});

test('a cross-site request is refused with 403 and one DENIED event naming reason, method and path — never the cookie', async () => {
  const cookie = 'next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.secret-session';
  const user = callerFor(await createUser('ANALYST'));
  const cases: [Record<string, string>, typeof user | null][] = [
    [{ origin: 'null' }, null],
    [{ origin: 'https://attacker.example' }, user],
    [{}, user],
  ];
  for (const [headers, actor] of cases) {
    const requestId = crypto.randomUUID();
    const request = post({ cookie, 'x-request-id': requestId, ...headers });
    const reason = crossSiteReasonOf(request, ORIGIN);
    assert.ok(reason, JSON.stringify(headers));
    const response = await refuseCrossSite(request, reason, actor && { ...actor, requestId });
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('x-request-id'), requestId);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(((await response.json()) as { requestId: string }).requestId, requestId);
    const events = await (await chainedAccessEvents()).findMany({ where: { requestId } });
    assert.equal(events.length, 1, reason);
    const [event] = events;
    assert.equal(event?.operation, 'DENIED');
    assert.equal(event?.outcome, 'DENIED');
    assert.equal(event?.resourceType, 'request');
    assert.equal(event?.resourceId, 'POST /api/v1/probe');
    assert.equal(event?.actorLabel, actor ? actor.actorLabel : 'anonymous');
    assert.deepEqual(event?.details, { reason, method: 'POST', path: '/api/v1/probe' });
    assert.ok(!stringify(event).includes('eyJ'), 'never the cookie');
  }
});
