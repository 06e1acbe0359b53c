import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { db } from '@/server/db';
import { ValidationError } from '@/server/errors';
import { callerFor, chainedAccessEvents, createUser, sessionTokenFor } from '@/server/testing/factories';
import { listUsers } from '@/server/users/list-users';
import { authenticate } from './authenticate';
import { changeOwnPassword } from './change-password';
import { ForbiddenError } from './errors';
import type { ThrottleLimits } from './login-throttle';
import { resolveSession } from './resolve-session';

after(() => db().$disconnect());

const meta = { requestId: 'req-password-test', ip: null, userAgent: 'integration-test' };
const LIMITS: ThrottleLimits = { lockAfterFailures: 10, lockMinutes: 15, ipMaxFailures: 20 };

async function refusal(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => assert.fail('expected a refusal'),
    (thrown: unknown) => thrown,
  );
  assert.ok(error instanceof ValidationError, String(error));
  return error.fieldErrors;
}

test('the new password must be 12 to 128 characters, not a common one, and not the user’s email or name', async () => {
  const user = await createUser('ANALYST');
  const caller = callerFor(user);
  const localPart = user.email.split('@')[0]!;
  const cases: [string, RegExp][] = [
    ['eleven char', /At least 12/],
    ['z'.repeat(129), /At most 128/],
    ['qwerty123456', /most common/],
    ['1Qaz2Wsx3Edc', /most common/],
    [user.email, /email address or your name/],
    [`${localPart}-spring-2031`, /email address or your name/],
  ];
  for (const [password, message] of cases) {
    const errors = await refusal(changeOwnPassword(caller, { currentPassword: user.password, newPassword: password }));
    assert.match(errors.newPassword ?? '', message, password);
  }
  // Nothing changed: the old password still signs in.
  assert.equal((await authenticate({ email: user.email, password: user.password }, meta)).ok, true);
  const changes = await (await chainedAccessEvents()).count({ where: { actorId: user.id, operation: 'ALTERATION' } });
  assert.equal(changes, 0);
});

test('the current password is required; a wrong one is refused, recorded and counted against the login throttle', async () => {
  const user = await createUser('SUPERVISOR');
  const errors = await refusal(changeOwnPassword(callerFor(user), { currentPassword: 'not my password', newPassword: 'lantern maple harbour' }, new Date(), LIMITS));
  assert.match(errors.currentPassword ?? '', /current password is not correct/);
  const event = await (await chainedAccessEvents()).findFirstOrThrow({ where: { actorId: user.id }, orderBy: { seq: 'desc' } });
  assert.equal(event.operation, 'DENIED');
  assert.deepEqual(event.details, { reason: 'wrong-current-password' });
  const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
  assert.equal(row.failedLoginCount, 1);
  assert.equal((await authenticate({ email: user.email, password: 'lantern maple harbour' }, meta)).ok, false);

  // A locked account cannot change its password either, even with the right current one.
  await db().user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() + 60_000) } });
  await refusal(changeOwnPassword(callerFor(user), { currentPassword: user.password, newPassword: 'lantern maple harbour' }, new Date(), LIMITS));
  assert.notEqual((await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, null);
  assert.equal((await authenticate({ email: user.email, password: 'lantern maple harbour' }, meta, new Date(Date.now() + 120_000))).ok, false);
});

test('changing the password ends the user’s other sessions and is recorded without secrets', async () => {
  const user = await createUser('PRIVACY_OFFICER');
  const otherSessionIssuedAt = Date.now() - 1000;
  assert.ok(await resolveSession(await sessionTokenFor(user.id, otherSessionIssuedAt), meta));
  const changedAt = new Date();
  await changeOwnPassword(callerFor(user), { currentPassword: user.password, newPassword: 'lantern maple harbour' }, changedAt);

  assert.equal(await resolveSession(await sessionTokenFor(user.id, otherSessionIssuedAt), meta), null);
  // The browser that changed it signs in again with the new password and goes on.
  assert.equal((await authenticate({ email: user.email, password: user.password }, meta)).ok, false);
  assert.equal((await authenticate({ email: user.email, password: 'lantern maple harbour' }, meta)).ok, true);
  assert.ok(await resolveSession(await sessionTokenFor(user.id, changedAt.getTime() + 1), meta));

  const event = await (await chainedAccessEvents()).findFirstOrThrow({ where: { actorId: user.id, operation: 'ALTERATION' } });
  assert.equal(event.purpose, 'Password changed');
  assert.equal(event.resourceType, 'user');
  assert.deepEqual(event.details, { sessionsEnded: true });
  assert.equal(JSON.stringify(event, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value)).includes('lantern'), false);

  // The same password again is refused.
  const errors = await refusal(changeOwnPassword(callerFor(user), { currentPassword: 'lantern maple harbour', newPassword: 'lantern maple harbour' }));
  assert.match(errors.newPassword ?? '', /differ/);
});

test('a user who must change an initial password may do nothing else until it is changed', async () => {
  const admin = await createUser('ADMINISTRATOR');
  await db().user.update({ where: { id: admin.id }, data: { mustChangePassword: true } });
  const session = await resolveSession(await sessionTokenFor(admin.id, Date.now()), meta);
  assert.ok(session?.mustChangePassword);
  await assert.rejects(listUsers(session.caller), ForbiddenError);
  const denied = await (await chainedAccessEvents()).findFirstOrThrow({ where: { actorId: admin.id }, orderBy: { seq: 'desc' } });
  assert.equal(denied.operation, 'DENIED');
  assert.deepEqual(denied.details, { permission: 'users.manage', reason: 'password-change-required' });

  const changedAt = new Date();
  await changeOwnPassword(session.caller, { currentPassword: admin.password, newPassword: 'orchard violet compass' }, changedAt);
  const after = await resolveSession(await sessionTokenFor(admin.id, changedAt.getTime() + 1), meta);
  assert.equal(after?.mustChangePassword, false);
  assert.ok((await listUsers(after!.caller)).length > 0);
});
