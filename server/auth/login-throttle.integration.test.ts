import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, test } from 'node:test';
import { LOGIN_FAILED_MESSAGE } from '@/lib/schemas/login';
import { db } from '@/server/db';
import { callerFor, chainedAccessEvents, createUser } from '@/server/testing/factories';
import { unlockUser } from '@/server/users/unlock-user';
import { authenticate } from './authenticate';
import type { ThrottleLimits } from './login-throttle';

after(() => db().$disconnect());

const LIMITS: ThrottleLimits = { lockAfterFailures: 10, lockMinutes: 15, ipMaxFailures: 20 };
const FAILED = { ok: false, message: LOGIN_FAILED_MESSAGE };

/** A client address of its own per test, so one test's failures never throttle another's. */
function metaFrom(ip = `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 6)}`) {
  return { requestId: randomUUID(), ip, userAgent: 'throttle-test' };
}

const at = (start: Date, ms: number) => new Date(start.getTime() + ms);

async function reasons(email: string): Promise<unknown[]> {
  const events = await (await chainedAccessEvents()).findMany({ where: { actorLabel: email, operation: { in: ['LOGIN', 'LOGIN_FAILED'] } }, orderBy: { seq: 'asc' } });
  return events.map((event) => (event.operation === 'LOGIN' ? 'LOGIN' : event.details));
}

test('after 5 failures an account backs off exponentially, without checking the password meanwhile', async () => {
  const user = await createUser('ANALYST');
  const meta = metaFrom();
  const t0 = new Date('2031-02-01T09:00:00.000Z');
  const wrong = { email: user.email, password: 'not the right one' };
  const right = { email: user.email, password: user.password };
  for (let i = 0; i < 5; i++) assert.deepEqual(await authenticate(wrong, meta, at(t0, i * 100), LIMITS), FAILED);
  const fifth = at(t0, 400);

  // Within 1 s of the fifth failure even the right password is refused, with the same answer.
  assert.deepEqual(await authenticate(right, meta, at(fifth, 999), LIMITS), FAILED);
  // After the second, a wrong password is checked again (6th failure): the next wait is 2 s.
  assert.deepEqual(await authenticate(wrong, meta, at(fifth, 1000), LIMITS), FAILED);
  assert.deepEqual(await authenticate(right, meta, at(fifth, 2999), LIMITS), FAILED);
  const signedIn = await authenticate(right, meta, at(fifth, 3000), LIMITS);
  assert.equal(signedIn.ok, true);

  assert.deepEqual(await reasons(user.email), [
    ...Array(5).fill({ reason: 'wrong-password' }),
    { reason: 'throttled' },
    { reason: 'wrong-password' },
    { reason: 'throttled' },
    'LOGIN',
  ]);
  // Held attempts are not guesses: 6 failures were counted, and the sign-in forgot them.
  const reloaded = await db().user.findUniqueOrThrow({ where: { id: user.id } });
  assert.equal(reloaded.failedLoginCount, 0);
  assert.equal(await db().loginFailure.count({ where: { userId: user.id } }), 0);
  assert.equal(await db().loginFailure.count({ where: { ip: meta.ip } }), 6);
});

test('the account locks after the configured number of failures within an hour; the lock runs out, or an administrator lifts it', async () => {
  const user = await createUser('SUPERVISOR');
  const admin = await createUser('ADMINISTRATOR');
  const meta = metaFrom();
  const wrong = { email: user.email, password: 'still not the password' };
  const right = { email: user.email, password: user.password };
  const t0 = new Date('2031-03-01T09:00:00.000Z');
  // Ten wrong passwords, each after its back-off has passed: 1 + 2 + 4 + 8 + 16 s.
  let clock = t0;
  for (let i = 0; i < 10; i++) {
    clock = at(clock, 20_000);
    assert.deepEqual(await authenticate(wrong, meta, clock, LIMITS), FAILED);
  }
  const locked = await db().user.findUniqueOrThrow({ where: { id: user.id } });
  assert.equal(locked.lockedUntil?.getTime(), clock.getTime() + 15 * 60_000);
  const lastFailure = await (await chainedAccessEvents()).findFirstOrThrow({ where: { actorLabel: user.email }, orderBy: { seq: 'desc' } });
  assert.deepEqual(lastFailure.details, { reason: 'wrong-password', locked: true });

  // Locked: the right password, past any back-off, still fails with the same answer.
  assert.deepEqual(await authenticate(right, meta, at(clock, 14 * 60_000), LIMITS), FAILED);
  const heldEvent = await (await chainedAccessEvents()).findFirstOrThrow({ where: { actorLabel: user.email }, orderBy: { seq: 'desc' } });
  assert.deepEqual(heldEvent.details, { reason: 'locked' });
  // After the lock runs out, the right password signs in.
  assert.equal((await authenticate(right, meta, at(clock, 15 * 60_000 + 1), LIMITS)).ok, true);

  // Locked again; an administrator unlocks it, and the right password works at once.
  clock = at(clock, 16 * 60_000);
  for (let i = 0; i < 10; i++) {
    clock = at(clock, 20_000);
    assert.deepEqual(await authenticate(wrong, meta, clock, LIMITS), FAILED);
  }
  assert.ok((await db().user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil);
  assert.deepEqual(await authenticate(right, meta, at(clock, 60_000), LIMITS), FAILED);
  const unlocked = await unlockUser(callerFor(admin), user.id, at(clock, 60_000));
  assert.equal(unlocked.lockedUntil, null);
  assert.equal((await authenticate(right, meta, at(clock, 61_000), LIMITS)).ok, true);
  const unlockEvent = await (await chainedAccessEvents()).findFirstOrThrow({ where: { actorId: admin.id, operation: 'ALTERATION', resourceId: user.id } });
  assert.equal(unlockEvent.purpose, 'User unlocked');
  assert.equal(unlockEvent.resourceType, 'user');
});

test('failures spread over more than an hour do not lock the account', async () => {
  const user = await createUser('ANALYST');
  const meta = metaFrom();
  const wrong = { email: user.email, password: 'wrong wrong wrong' };
  const t0 = new Date('2031-04-01T09:00:00.000Z');
  for (let i = 0; i < 9; i++) await authenticate(wrong, meta, at(t0, i * 60_000), LIMITS);
  // The tenth failure, 61 minutes after the first: only 9 fall within its hour.
  await authenticate(wrong, meta, at(t0, 69 * 60_000), LIMITS);
  const reloaded = await db().user.findUniqueOrThrow({ where: { id: user.id } });
  assert.equal(reloaded.failedLoginCount, 10);
  assert.equal(reloaded.lockedUntil, null);
  assert.equal((await authenticate({ email: user.email, password: user.password }, meta, at(t0, 70 * 60_000), LIMITS)).ok, true);
});

test('one address spraying passwords over many accounts is held off, other addresses are not', async () => {
  const victims = await Promise.all([createUser('ANALYST'), createUser('SUPERVISOR'), createUser('PRIVACY_OFFICER')]);
  const target = await createUser('ANALYST');
  const sprayer = metaFrom();
  const t0 = new Date('2031-05-01T09:00:00.000Z');
  // 20 guesses of one password, each at a different account (real or not): never 5 on one account.
  for (let i = 0; i < 20; i++) {
    const email = i < victims.length ? victims[i]!.email : `sprayed-${i}-${randomUUID().slice(0, 6)}@example.test`;
    assert.deepEqual(await authenticate({ email, password: 'Summer2031!' }, sprayer, at(t0, i * 1000), LIMITS), FAILED);
  }
  // The 21st attempt from that address fails even with the right password, unchecked.
  assert.deepEqual(await authenticate({ email: target.email, password: target.password }, sprayer, at(t0, 30_000), LIMITS), FAILED);
  assert.deepEqual(await reasons(target.email), [{ reason: 'ip-throttled' }]);
  // The account itself is not held: from another address it signs in.
  assert.equal((await authenticate({ email: target.email, password: target.password }, metaFrom(), at(t0, 31_000), LIMITS)).ok, true);
  // Ten minutes after the first failures, the window has slid past them.
  assert.equal((await authenticate({ email: target.email, password: target.password }, sprayer, at(t0, 10 * 60_000 + 20_000), LIMITS)).ok, true);
});

test('unknown users, wrong passwords, throttled and locked accounts answer alike and take about as long', async () => {
  const wrongUser = await createUser('ANALYST');
  const lockedUser = await createUser('ANALYST');
  const now = new Date();
  await db().user.update({ where: { id: lockedUser.id }, data: { lockedUntil: new Date(now.getTime() + 60_000), failedLoginCount: 10 } });
  const timed = async (email: string, password: string) => {
    const started = performance.now();
    const result = await authenticate({ email, password }, metaFrom(), now, LIMITS);
    return { result, ms: performance.now() - started };
  };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const runs = { wrong: [] as number[], unknown: [] as number[], locked: [] as number[] };
  for (let i = 0; i < 5; i++) {
    for (const [kind, email, password] of [
      ['wrong', wrongUser.email, 'a wrong password'],
      ['unknown', `nobody-${randomUUID().slice(0, 8)}@example.test`, 'a wrong password'],
      ['locked', lockedUser.email, lockedUser.password],
    ] as const) {
      const { result, ms } = await timed(email, password);
      assert.deepEqual(result, FAILED, kind);
      runs[kind].push(ms);
    }
  }
  // A held attempt still runs a password hash: never an order of magnitude faster than a real check.
  const reference = median(runs.wrong);
  for (const kind of ['unknown', 'locked'] as const) {
    assert.ok(median(runs[kind]) > reference * 0.4, `${kind}: ${median(runs[kind]).toFixed(1)} ms against ${reference.toFixed(1)} ms for a wrong password`);
  }
  const events = await (await chainedAccessEvents()).findMany({ where: { actorLabel: { in: [wrongUser.email, lockedUser.email] }, operation: 'LOGIN_FAILED' } });
  assert.equal(events.length, 10);
});

test('failed guesses older than a day are pruned', async () => {
  const meta = metaFrom();
  const old = new Date('2031-06-01T09:00:00.000Z');
  await authenticate({ email: `gone-${randomUUID().slice(0, 6)}@example.test`, password: 'whatever it is' }, meta, old, LIMITS);
  assert.equal(await db().loginFailure.count({ where: { ip: meta.ip } }), 1);
  await authenticate({ email: `gone-${randomUUID().slice(0, 6)}@example.test`, password: 'whatever it is' }, metaFrom(), at(old, 24 * 3600_000 + 1), LIMITS);
  assert.equal(await db().loginFailure.count({ where: { ip: meta.ip } }), 0);
});
