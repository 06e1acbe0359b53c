import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { LOGIN_FAILED_MESSAGE } from '@/lib/schemas/login';
import { db } from '@/server/db';
import { callerFor, chainedAccessEvents, createUser } from '@/server/testing/factories';
import { authenticate } from './authenticate';
import { ForbiddenError } from './errors';
import { logout } from './logout';
import { requirePermission } from './require-permission';

after(() => db().$disconnect());

const meta = { requestId: 'req-auth-test', ip: '192.0.2.10', userAgent: 'integration-test' };

test('a correct password signs in and records a LOGIN event', async () => {
  const user = await createUser('ANALYST');
  const result = await authenticate({ email: user.email.toUpperCase(), password: user.password }, meta);
  assert.ok(result.ok);
  const { sessionId, ...signedIn } = result.user;
  assert.deepEqual(signedIn, { id: user.id, email: user.email, name: user.name, role: 'ANALYST', mustChangePassword: false });
  const event = await (await chainedAccessEvents()).findFirstOrThrow({ where: { actorId: user.id }, orderBy: { seq: 'desc' } });
  assert.equal(event.operation, 'LOGIN');
  assert.equal(event.resourceId, sessionId);
  assert.equal(event.outcome, 'ALLOWED');
  assert.equal(event.ip, meta.ip);
});

test('an unknown user and a wrong password get the same answer, and both are recorded', async () => {
  const user = await createUser('SUPERVISOR');
  const wrong = await authenticate({ email: user.email, password: 'not the password at all' }, meta);
  const unknown = await authenticate({ email: 'nobody-here@example.test', password: 'whatever password' }, meta);
  assert.deepEqual(wrong, { ok: false, message: LOGIN_FAILED_MESSAGE });
  assert.deepEqual(unknown, wrong);

  const failures = await (await chainedAccessEvents()).findMany({
    where: { operation: 'LOGIN_FAILED', actorLabel: { in: [user.email, 'nobody-here@example.test'] } },
  });
  assert.equal(failures.length, 2);
  assert.ok(failures.every((event) => event.outcome === 'FAILED'));
  const reloaded = await db().user.findUniqueOrThrow({ where: { id: user.id } });
  assert.equal(reloaded.failedLoginCount, 1);
});

test('a deactivated user cannot sign in', async () => {
  const user = await createUser('ANALYST');
  await db().user.update({ where: { id: user.id }, data: { active: false } });
  const result = await authenticate({ email: user.email, password: user.password }, meta);
  assert.equal(result.ok, false);
});

test('malformed credentials get a clear message and record nothing', async () => {
  const before = await (await chainedAccessEvents()).count();
  for (const credentials of [
    {},
    { email: 'a@b.test' },
    { email: 42, password: ['x'] },
    { email: `${'a'.repeat(300)}@example.test`, password: 'x' },
    { email: 'a@b.test', password: 'x'.repeat(129) },
  ]) {
    const result = await authenticate(credentials, meta);
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.message, /^(Enter|An email|A password)/);
  }
  assert.equal(await (await chainedAccessEvents()).count(), before);
});

test('a denied permission throws and records a DENIED event', async () => {
  const user = await createUser('ADMINISTRATOR');
  await assert.rejects(requirePermission(callerFor(user), 'hits.list', { type: 'page', id: '/hits' }), ForbiddenError);
  const event = await (await chainedAccessEvents()).findFirstOrThrow({ where: { actorId: user.id }, orderBy: { seq: 'desc' } });
  assert.equal(event.operation, 'DENIED');
  assert.equal(event.outcome, 'DENIED');
  assert.equal(event.resourceId, '/hits');
  assert.deepEqual(event.details, { permission: 'hits.list' });
});

test('logout with a token from before server-side sessions ends every session of the user and records a LOGOUT event', async () => {
  const user = await createUser('PRIVACY_OFFICER');
  const before = new Date();
  await logout(user.id, undefined, meta);
  const reloaded = await db().user.findUniqueOrThrow({ where: { id: user.id } });
  assert.ok(reloaded.sessionsValidAfter >= before);
  const event = await (await chainedAccessEvents()).findFirstOrThrow({ where: { actorId: user.id }, orderBy: { seq: 'desc' } });
  assert.equal(event.operation, 'LOGOUT');
  assert.deepEqual(event.details, { reason: 'logout' });
});

