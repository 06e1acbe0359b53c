import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { recordAccessEvent } from '@/server/access-log/record';
import { createApiToken } from '@/server/api-tokens/manage-api-tokens';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { callerFor, chainedAccessEvents, createUser } from '@/server/testing/factories';
import { callerFromToken } from '@/server/api-tokens/authenticate-token';
import { requestMetaFromHeaders } from '@/server/auth/request-meta';
import { errorResponse, json, requestContextOf } from './error-response';
import { answerInScope, currentRequestScope, withRequestScope } from './request-scope';

// proxy.ts does not run for the JSON API, so apiRoute() answers in a scope of its own
// (answerInScope): the request's id is the one in X-Request-Id, in an error's body and on
// every access event the request recorded — never one the client sent. apiRoute() imports
// next-auth, which does not load outside Next.js, so its steps are taken here as it takes
// them (the token caller, the handler, errorResponse); e2e/security-headers.spec.ts drives
// the real route over HTTP, and e2e/session.spec.ts the session status poll's activity.

after(() => db().$disconnect());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FORGED = 'forged-by-the-client';

async function tokenSecret(): Promise<string> {
  const admin = callerFor(await createUser('ADMINISTRATOR'));
  return (await createApiToken(admin, { name: 'request scope test', scopes: ['batches:read'], expiresInDays: 1 })).secret;
}

function get(secret: string): Request {
  return new Request('http://localhost:3000/api/v1/probe', { headers: { host: 'localhost:3000', authorization: `Bearer ${secret}`, 'x-request-id': FORGED } });
}

test('an API request has an id of its own: its X-Request-Id names the events it recorded, not the id the client sent', async () => {
  const secret = await tokenSecret();
  const marker = crypto.randomUUID();
  const route = (request: Request) =>
    answerInScope(async () => {
      const caller = await callerFromToken(secret, requestMetaFromHeaders(request.headers));
      assert.ok(caller);
      await db().$transaction((tx) => recordAccessEvent(tx, caller, { operation: 'CONSULTATION', resourceType: 'probe', resourceId: marker }));
      return json({ ok: true });
    });
  const first = await route(get(secret));
  const second = await route(get(secret));
  assert.equal(first.status, 200);
  const ids = [first, second].map((response) => response.headers.get('x-request-id') ?? '');
  for (const id of ids) assert.match(id, UUID);
  assert.notEqual(ids[0], ids[1], 'one id per request');
  const events = await (await chainedAccessEvents()).findMany({ where: { resourceId: marker }, orderBy: { seq: 'asc' } });
  assert.deepEqual(
    events.map((event) => event.requestId),
    ids,
  );
});

test('an API error names the same id in its body and its header', async () => {
  const request = get('unused');
  const response = await answerInScope(async () => errorResponse(new NotFoundError('Nothing here.'), requestContextOf(request)));
  assert.equal(response.status, 404);
  const id = response.headers.get('x-request-id');
  assert.match(id ?? '', UUID);
  assert.deepEqual(await response.json(), { message: 'Nothing here.', requestId: id });
});

test('a scope holds its id and activity for everything awaited inside it, and nothing outside', async () => {
  assert.equal(currentRequestScope(), undefined);
  const seen = await withRequestScope(
    async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return currentRequestScope();
    },
    { activity: 'background' },
  );
  assert.match(seen?.requestId ?? '', UUID);
  assert.equal(seen?.activity, 'background');
  assert.equal(currentRequestScope(), undefined);
});
