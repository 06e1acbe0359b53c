import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, test } from 'node:test';
import { authenticate } from '@/server/auth/authenticate';
import { ForbiddenError } from '@/server/auth/errors';
import { resolveSession } from '@/server/auth/resolve-session';
import { db } from '@/server/db';
import { ConflictError } from '@/server/errors';
import { callerFor, chainedAccessEvents, createUser as createTestUser, sessionTokenFor } from '@/server/testing/factories';
import { changeUserRole } from './change-user-role';
import { createUser } from './create-user';
import { listUsers } from './list-users';
import { setUserActive } from './set-user-active';
import { unlockUser } from './unlock-user';

after(() => db().$disconnect());

const meta = { requestId: 'req-users-test', ip: null, userAgent: 'integration-test' };

async function lastEvent(actorId: string) {
  return (await chainedAccessEvents()).findFirstOrThrow({ where: { actorId }, orderBy: { seq: 'desc' } });
}

test('an administrator creates a user with a one-time initial password that must be changed at first sign-in', async () => {
  const admin = await createTestUser('ADMINISTRATOR');
  const email = `New.Analyst-${randomUUID().slice(0, 8)}@Example.test`.toLowerCase();
  const created = await createUser(callerFor(admin), { email, name: 'Nia Analyst', role: 'ANALYST', unit: 'PIU Frankfurt' });
  assert.ok(created.initialPassword.length >= 16);
  assert.equal(created.user.email, email);
  assert.equal(created.user.mustChangePassword, true);

  // Stored only as a hash; never in the event.
  const row = await db().user.findUniqueOrThrow({ where: { id: created.user.id } });
  assert.notEqual(row.passwordHash, created.initialPassword);
  assert.ok(row.passwordHash.startsWith('$argon2id$'));
  const event = await lastEvent(admin.id);
  assert.equal(event.operation, 'ALTERATION');
  assert.equal(event.resourceType, 'user');
  assert.equal(event.resourceId, created.user.id);
  assert.deepEqual(event.details, { email, role: 'ANALYST', unit: 'PIU Frankfurt' });
  assert.equal(JSON.stringify(event, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value)).includes(created.initialPassword), false);

  // The password signs in, and the session can do nothing but change it.
  const signedIn = await authenticate({ email, password: created.initialPassword }, meta);
  assert.ok(signedIn.ok && signedIn.user.mustChangePassword);
  const session = await resolveSession(await sessionTokenFor(created.user.id, Date.now()), meta);
  assert.equal(session?.mustChangePassword, true);
  await assert.rejects(listUsers(session!.caller), ForbiddenError);

  // The same email twice is a conflict, and the listing shows the new user without secrets.
  await assert.rejects(createUser(callerFor(admin), { email, name: 'Again', role: 'ANALYST', unit: 'PIU' }), ConflictError);
  const listed = (await listUsers(callerFor(admin))).find((user) => user.id === created.user.id);
  assert.deepEqual(Object.keys(listed ?? {}).sort(), ['active', 'createdAt', 'email', 'id', 'lastLoginAt', 'lockedUntil', 'mustChangePassword', 'name', 'role', 'totpEnabled', 'unit']);
});

test('only administrators manage users; a refusal is a DENIED event', async () => {
  const supervisor = await createTestUser('SUPERVISOR');
  const analyst = await createTestUser('ANALYST');
  await assert.rejects(listUsers(callerFor(supervisor)), ForbiddenError);
  await assert.rejects(changeUserRole(callerFor(supervisor), analyst.id, { role: 'SUPERVISOR' }), ForbiddenError);
  const event = await lastEvent(supervisor.id);
  assert.equal(event.operation, 'DENIED');
  assert.deepEqual(event.details, { permission: 'users.manage' });
  assert.equal((await db().user.findUniqueOrThrow({ where: { id: analyst.id } })).role, 'ANALYST');
});

test('a role change is recorded and refuses the user’s open session on its very next request', async () => {
  const admin = await createTestUser('ADMINISTRATOR');
  const supervisor = await createTestUser('SUPERVISOR');
  const signedInAt = Date.now();
  assert.equal((await resolveSession(await sessionTokenFor(supervisor.id, signedInAt), meta))?.caller.role, 'SUPERVISOR');

  const changedAt = new Date(signedInAt + 5);
  const view = await changeUserRole(callerFor(admin), supervisor.id, { role: 'ANALYST' }, changedAt);
  assert.equal(view.role, 'ANALYST');
  const event = await lastEvent(admin.id);
  assert.equal(event.operation, 'ALTERATION');
  assert.equal(event.purpose, 'Role changed');
  assert.deepEqual(event.details, { email: supervisor.email, from: 'SUPERVISOR', to: 'ANALYST', sessionsEnded: true });

  // The JWT issued before the change is refused; a new sign-in carries the new role.
  assert.equal(await resolveSession(await sessionTokenFor(supervisor.id, signedInAt), meta), null);
  assert.equal((await resolveSession(await sessionTokenFor(supervisor.id, changedAt.getTime() + 1), meta))?.caller.role, 'ANALYST');
});

test('an administrator cannot change their own role nor deactivate themselves: 403 and a DENIED event', async () => {
  const admin = await createTestUser('ADMINISTRATOR');
  await assert.rejects(changeUserRole(callerFor(admin), admin.id, { role: 'SUPERVISOR' }), ForbiddenError);
  let event = await lastEvent(admin.id);
  assert.equal(event.operation, 'DENIED');
  assert.equal(event.resourceId, admin.id);
  assert.deepEqual(event.details, { reason: 'own-role' });

  await assert.rejects(setUserActive(callerFor(admin), admin.id, false), ForbiddenError);
  event = await lastEvent(admin.id);
  assert.equal(event.operation, 'DENIED');
  assert.deepEqual(event.details, { reason: 'own-deactivation' });

  const row = await db().user.findUniqueOrThrow({ where: { id: admin.id } });
  assert.equal(row.role, 'ADMINISTRATOR');
  assert.equal(row.active, true);
  // Another administrator may.
  const other = await createTestUser('ADMINISTRATOR');
  assert.equal((await changeUserRole(callerFor(other), admin.id, { role: 'SUPERVISOR' })).role, 'SUPERVISOR');
});

test('deactivation ends the user’s sessions at once and stops sign-in; reactivation lets them sign in again', async () => {
  const admin = await createTestUser('ADMINISTRATOR');
  const analyst = await createTestUser('ANALYST');
  const signedInAt = Date.now();
  const deactivated = await setUserActive(callerFor(admin), analyst.id, false, new Date(signedInAt + 5));
  assert.equal(deactivated.active, false);
  assert.equal(await resolveSession(await sessionTokenFor(analyst.id, signedInAt), meta), null);
  assert.equal((await authenticate({ email: analyst.email, password: analyst.password }, meta)).ok, false);
  assert.deepEqual((await lastEvent(admin.id)).details, { email: analyst.email, active: false, sessionsEnded: true });
  await assert.rejects(setUserActive(callerFor(admin), analyst.id, false), ConflictError);

  const reactivated = await setUserActive(callerFor(admin), analyst.id, true);
  assert.equal(reactivated.active, true);
  assert.equal((await lastEvent(admin.id)).purpose, 'User reactivated');
  // The session ended by the deactivation stays ended; a new sign-in works.
  assert.equal(await resolveSession(await sessionTokenFor(analyst.id, signedInAt), meta), null);
  assert.equal((await authenticate({ email: analyst.email, password: analyst.password }, meta)).ok, true);
});

test('unlock lifts a lock and is recorded; an account that is not locked answers 409', async () => {
  const admin = await createTestUser('ADMINISTRATOR');
  const analyst = await createTestUser('ANALYST');
  const now = new Date();
  await db().user.update({ where: { id: analyst.id }, data: { lockedUntil: new Date(now.getTime() + 10 * 60_000), failedLoginCount: 10 } });
  assert.ok((await listUsers(callerFor(admin), now)).find((user) => user.id === analyst.id)?.lockedUntil);
  assert.equal((await authenticate({ email: analyst.email, password: analyst.password }, meta, now)).ok, false);

  const view = await unlockUser(callerFor(admin), analyst.id, now);
  assert.equal(view.lockedUntil, null);
  const event = await lastEvent(admin.id);
  assert.equal(event.purpose, 'User unlocked');
  assert.deepEqual(event.details, { email: analyst.email, wasLocked: true, failedLogins: 10 });
  assert.equal((await authenticate({ email: analyst.email, password: analyst.password }, meta, now)).ok, true);
  await assert.rejects(unlockUser(callerFor(admin), analyst.id, now), ConflictError);
});
