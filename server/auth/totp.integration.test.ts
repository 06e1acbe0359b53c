import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { env, parseEnv } from '@/lib/env';
import { TOTP_CODE_REQUIRED_MESSAGE, TOTP_CODE_WRONG_MESSAGE, LOGIN_FAILED_MESSAGE } from '@/lib/schemas/login';
import { db } from '@/server/db';
import { ConflictError, ValidationError } from '@/server/errors';
import { callerFor, chainedAccessEvents, createUser, sessionTokenFor } from '@/server/testing/factories';
import { listUsers } from '@/server/users/list-users';
import { authenticate } from './authenticate';
import { ForbiddenError } from './errors';
import { beginTotpSetup, confirmTotpSetup, disableOwnTotp, resetUserTotp } from './manage-totp';
import { resolveSession } from './resolve-session';
import { base32Decode, totpAt } from './totp';

after(() => db().$disconnect());

const meta = { requestId: 'req-totp-test', ip: null, userAgent: 'integration-test' };

/** A user with two-step sign-in on; answers the secret the app would hold. */
async function userWithTotp(role: 'ANALYST' | 'ADMINISTRATOR' = 'ANALYST') {
  const user = await createUser(role);
  const { secret } = await beginTotpSetup(callerFor(user));
  const key = base32Decode(secret);
  const enabledAt = new Date(Date.now() - 5 * 60_000);
  await confirmTotpSetup(callerFor(user), totpAt(key, enabledAt), enabledAt);
  return { user, key };
}

async function lastEvent(userId: string) {
  return (await chainedAccessEvents()).findFirstOrThrow({ where: { actorId: userId }, orderBy: { seq: 'desc' } });
}

test('enabling needs a valid code from the new secret; the secret is stored sealed and never recorded', async () => {
  const user = await createUser('SUPERVISOR');
  const { secret, uri } = await beginTotpSetup(callerFor(user));
  assert.match(uri, /^otpauth:\/\/totp\/Proportio:/);
  const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
  assert.ok(row.totpSecret && !row.totpSecret.includes(secret), 'sealed, not the base32 text');
  assert.equal(row.totpEnabledAt, null);

  const key = base32Decode(secret);
  const now = new Date();
  const wrong = totpAt(key, new Date(now.getTime() + 5 * 60_000));
  await assert.rejects(confirmTotpSetup(callerFor(user), wrong, now), ValidationError);
  assert.equal((await db().user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt, null);
  // Until enabled, the password alone still signs in.
  assert.equal((await authenticate({ email: user.email, password: user.password }, meta)).ok, true);

  await confirmTotpSetup(callerFor(user), totpAt(key, now), now);
  assert.ok((await db().user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt);
  const event = await lastEvent(user.id);
  assert.equal(event.operation, 'ALTERATION');
  assert.equal(event.purpose, 'Two-step sign-in enabled');
  assert.equal(JSON.stringify(event, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value)).includes(secret), false);
});

test('with TOTP on, a right password alone asks for the code; a wrong password does not reveal that', async () => {
  const { user } = await userWithTotp();
  const noCode = await authenticate({ email: user.email, password: user.password }, meta);
  assert.deepEqual(noCode, { ok: false, message: TOTP_CODE_REQUIRED_MESSAGE, codeRequired: true });
  const wrongPassword = await authenticate({ email: user.email, password: 'not the password at all', code: '123456' }, meta);
  assert.deepEqual(wrongPassword, { ok: false, message: LOGIN_FAILED_MESSAGE });
  assert.deepEqual((await lastEvent(user.id)).details, { reason: 'wrong-password' });
});

test('the right code signs in once; the same code again is refused, as is a wrong one — LOGIN_FAILED with the reason', async () => {
  const { user, key } = await userWithTotp();
  const now = new Date();
  const code = totpAt(key, now);
  const signedIn = await authenticate({ email: user.email, password: user.password, code }, meta, now);
  assert.ok(signedIn.ok);
  assert.equal((await lastEvent(user.id)).operation, 'LOGIN');

  const replay = await authenticate({ email: user.email, password: user.password, code }, meta, new Date(now.getTime() + 1000));
  assert.deepEqual(replay, { ok: false, message: TOTP_CODE_WRONG_MESSAGE, codeRequired: true });
  let event = await lastEvent(user.id);
  assert.deepEqual([event.operation, event.details], ['LOGIN_FAILED', { reason: 'code-reused' }]);

  const wrongCode = code === '000000' ? '111111' : '000000';
  const wrong = await authenticate({ email: user.email, password: user.password, code: wrongCode }, meta, new Date(now.getTime() + 2000));
  assert.equal(wrong.ok, false);
  event = await lastEvent(user.id);
  assert.deepEqual([event.operation, event.outcome, event.details], ['LOGIN_FAILED', 'FAILED', { reason: 'wrong-code' }]);
  // Wrong codes count against the login throttle like wrong passwords.
  assert.equal((await db().user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount, 2);

  // The next step's code works (±1 step), and is then used up too.
  const next = new Date(now.getTime() + 30_000);
  const nextResult = await authenticate({ email: user.email, password: user.password, code: totpAt(key, next) }, meta, new Date(now.getTime() + 3000));
  assert.ok(nextResult.ok, JSON.stringify(nextResult));
});

test('a role that requires TOTP can do nothing but set it up; an administrator’s reset is an ALTERATION event', async () => {
  assert.deepEqual(parseEnv({ TOTP_REQUIRED_ROLES: 'ADMINISTRATOR, PRIVACY_OFFICER' }).TOTP_REQUIRED_ROLES, ['ADMINISTRATOR', 'PRIVACY_OFFICER']);
  assert.deepEqual(parseEnv({}).TOTP_REQUIRED_ROLES, []);
  assert.throws(() => parseEnv({ TOTP_REQUIRED_ROLES: 'ROOT' }));

  const config = env();
  config.TOTP_REQUIRED_ROLES.push('ADMINISTRATOR');
  try {
    const admin = await createUser('ADMINISTRATOR');
    const session = await resolveSession(await sessionTokenFor(admin.id), meta);
    assert.equal(session?.totpSetupRequired, true);
    await assert.rejects(listUsers(session!.caller), ForbiddenError);
    assert.deepEqual((await lastEvent(admin.id)).details, { permission: 'users.manage', reason: 'totp-setup-required' });

    const { secret } = await beginTotpSetup(session!.caller);
    await confirmTotpSetup(session!.caller, totpAt(base32Decode(secret), new Date()));
    const after = await resolveSession(await sessionTokenFor(admin.id), meta);
    assert.equal(after?.totpSetupRequired, false);
    assert.ok((await listUsers(after!.caller)).some((user) => user.id === admin.id && user.totpEnabled));

    // Another administrator resets it (a lost phone): recorded, and the role requires setting it up again.
    const other = await createUser('ADMINISTRATOR');
    const otherCaller = callerFor(other);
    await confirmTotpSetupFor(other);
    const view = await resetUserTotp(otherCaller, admin.id);
    assert.equal(view.totpEnabled, false);
    const event = await lastEvent(other.id);
    assert.deepEqual([event.operation, event.purpose, event.details], ['ALTERATION', 'Two-step sign-in reset', { email: admin.email, wasEnabled: true }]);
    assert.equal((await resolveSession(await sessionTokenFor(admin.id), meta))?.totpSetupRequired, true);
    // Only with users.manage.
    const analyst = await createUser('ANALYST');
    await assert.rejects(resetUserTotp(callerFor(analyst), other.id), ForbiddenError);
  } finally {
    config.TOTP_REQUIRED_ROLES.splice(0);
  }
});

test('users turn their own second factor off with a current, unused code — not when their role requires it', async () => {
  const { user, key } = await userWithTotp();
  const now = new Date();
  // The code that enabled it (five minutes ago) and a wrong one are refused; nothing changes.
  await assert.rejects(disableOwnTotp(callerFor(user), totpAt(key, new Date(now.getTime() + 5 * 60_000)), now), ValidationError);
  assert.ok((await db().user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt);

  const code = totpAt(key, now);
  await disableOwnTotp(callerFor(user), code, now);
  const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
  assert.deepEqual([row.totpEnabledAt, row.totpSecret, row.totpLastStep], [null, null, null]);
  const event = await lastEvent(user.id);
  assert.deepEqual([event.operation, event.purpose], ['ALTERATION', 'Two-step sign-in disabled']);
  assert.equal((await authenticate({ email: user.email, password: user.password }, meta)).ok, true);
  await assert.rejects(disableOwnTotp(callerFor(user), code, now), ConflictError);

  const config = env();
  config.TOTP_REQUIRED_ROLES.push('ANALYST');
  try {
    const { user: required, key: requiredKey } = await userWithTotp();
    await assert.rejects(disableOwnTotp(callerFor(required), totpAt(requiredKey, now), now), ConflictError);
    assert.ok((await db().user.findUniqueOrThrow({ where: { id: required.id } })).totpEnabledAt);
  } finally {
    config.TOTP_REQUIRED_ROLES.splice(0);
  }
});

async function confirmTotpSetupFor(user: Awaited<ReturnType<typeof createUser>>) {
  const { secret } = await beginTotpSetup(callerFor(user));
  await confirmTotpSetup(callerFor(user), totpAt(base32Decode(secret), new Date()));
}
