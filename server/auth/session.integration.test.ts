import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { db } from '@/server/db';
import { chainedAccessEvents, createUser } from '@/server/testing/factories';
import { authenticate } from './authenticate';
import { logout } from './logout';
import { resolveSession, resolveSessionState } from './resolve-session';
import { endExpiredSessions, ENDED_SESSION_KEEP_MS, sweepSessions, type SessionLimits } from './user-session';

after(() => db().$disconnect());

const meta = { requestId: 'req-session-test', ip: '192.0.2.44', userAgent: 'integration-test' };
const LIMITS: SessionLimits = { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000 };
const MINUTE = 60_000;

/** Signs in at `at` as the credentials provider does, and answers the token the JWT would carry. */
async function signIn(role: 'ANALYST' | 'SUPERVISOR' = 'ANALYST', at = new Date()) {
  const user = await createUser(role);
  const result = await authenticate({ email: user.email, password: user.password }, meta, at);
  assert.ok(result.ok);
  return { user, token: { uid: user.id, sid: result.user.sessionId, issuedAt: at.getTime() } };
}

const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

async function logoutEvents(userId: string) {
  return (await chainedAccessEvents()).findMany({ where: { actorId: userId, operation: 'LOGOUT' }, orderBy: { seq: 'asc' } });
}

test('29 minutes idle is fine; 31 minutes idle ends the session, once, as a LOGOUT event with reason idle', async () => {
  const start = new Date();
  const { user, token } = await signIn('ANALYST', start);
  const at29 = await resolveSession(token, meta, { now: later(start, 29 * MINUTE), limits: LIMITS });
  assert.equal(at29?.caller.actorId, user.id);
  // That request was activity: 31 minutes after sign-in is now only 2 minutes idle.
  assert.ok(await resolveSession(token, meta, { now: later(start, 31 * MINUTE), limits: LIMITS }));

  // 31 minutes after the last activity (at 31) is too long.
  const state = await resolveSessionState(token, meta, { now: later(start, 62 * MINUTE), limits: LIMITS });
  assert.deepEqual(state, { status: 'ended', reason: 'idle' });
  // Going back in time does not revive it: the row says it ended.
  assert.equal(await resolveSession(token, meta, { now: later(start, 33 * MINUTE), limits: LIMITS }), null);

  const row = await db().session.findUniqueOrThrow({ where: { id: token.sid } });
  assert.equal(row.endReason, 'IDLE');
  assert.equal(row.endedAt?.getTime(), later(start, 61 * MINUTE).getTime(), 'ended at its idle deadline');
  const events = await logoutEvents(user.id);
  assert.equal(events.length, 1);
  assert.equal(events[0]!.resourceId, token.sid);
  assert.equal((events[0]!.details as { reason: string }).reason, 'idle');
});

test('an idle session with no activity at all ends after 30 minutes, not 31', async () => {
  const start = new Date();
  const { token } = await signIn('ANALYST', start);
  assert.ok(await resolveSession(token, meta, { now: later(start, 30 * MINUTE), limits: LIMITS, activity: 'background' }));
  assert.equal(await resolveSession(token, meta, { now: later(start, 30 * MINUTE + 1000), limits: LIMITS }), null);
});

test('background requests do not extend the idle time; user requests do, at most once a minute', async () => {
  const start = new Date();
  const { token } = await signIn('SUPERVISOR', start);
  for (const minutes of [5, 10, 15, 20, 25, 29]) {
    assert.ok(await resolveSession(token, meta, { now: later(start, minutes * MINUTE), limits: LIMITS, activity: 'background' }));
  }
  let row = await db().session.findUniqueOrThrow({ where: { id: token.sid } });
  assert.equal(row.lastSeenAt.getTime(), start.getTime(), 'background requests wrote nothing');
  const status = await resolveSession(token, meta, { now: later(start, 29 * MINUTE), limits: LIMITS, activity: 'background' });
  assert.equal(status?.session.idleExpiresAt.getTime(), later(start, 30 * MINUTE).getTime());
  assert.equal(await resolveSession(token, meta, { now: later(start, 31 * MINUTE), limits: LIMITS, activity: 'background' }), null);

  // A user request within a minute of the last touch writes nothing; after a minute it does.
  const { token: other } = await signIn('SUPERVISOR', start);
  await resolveSession(other, meta, { now: later(start, 30_000), limits: LIMITS });
  row = await db().session.findUniqueOrThrow({ where: { id: other.sid } });
  assert.equal(row.lastSeenAt.getTime(), start.getTime());
  const touched = await resolveSession(other, meta, { now: later(start, 2 * MINUTE), limits: LIMITS });
  assert.equal(touched?.session.idleExpiresAt.getTime(), later(start, 32 * MINUTE).getTime());
  row = await db().session.findUniqueOrThrow({ where: { id: other.sid } });
  assert.equal(row.lastSeenAt.getTime(), later(start, 2 * MINUTE).getTime());
});

test('the absolute limit ends a session after 12 hours however active it is', async () => {
  const start = new Date();
  const { user, token } = await signIn('ANALYST', start);
  for (let minutes = 20; minutes <= 12 * 60; minutes += 20) {
    assert.ok(await resolveSession(token, meta, { now: later(start, minutes * MINUTE), limits: LIMITS }), `active at ${minutes} min`);
  }
  const state = await resolveSessionState(token, meta, { now: later(start, 12 * 60 * MINUTE + 1000), limits: LIMITS });
  assert.deepEqual(state, { status: 'ended', reason: 'absolute' });
  const row = await db().session.findUniqueOrThrow({ where: { id: token.sid } });
  assert.equal(row.endReason, 'ABSOLUTE');
  assert.equal((await logoutEvents(user.id)).map((event) => (event.details as { reason: string }).reason).join(), 'absolute');
});

test('logout ends the session server-side: the same JWT is refused afterwards; other sessions go on', async () => {
  const { user, token } = await signIn('ANALYST');
  const second = await authenticate({ email: user.email, password: user.password }, meta);
  assert.ok(second.ok);
  const other = { uid: user.id, sid: second.user.sessionId, issuedAt: Date.now() };
  assert.ok(await resolveSession(token, meta));

  await logout(user.id, token.sid, meta);
  assert.deepEqual(await resolveSessionState(token, meta), { status: 'ended', reason: 'logout' });
  assert.ok(await resolveSession(other, meta), 'another browser stays signed in');
  // A second logout of the same session (a replayed sign-out) records nothing more.
  await logout(user.id, token.sid, meta);
  const events = await logoutEvents(user.id);
  assert.equal(events.length, 1);
  assert.deepEqual(
    { resourceId: events[0]!.resourceId, reason: (events[0]!.details as { reason: string }).reason },
    { resourceId: token.sid, reason: 'logout' },
  );
  // Nobody ends another user's session by naming it.
  const { user: stranger } = await signIn('ANALYST');
  await logout(stranger.id, other.sid, meta);
  assert.ok(await resolveSession(other, meta));
});

test('every sign-in starts a new session; a token without one, or naming another user’s, is refused', async () => {
  const { user, token } = await signIn('ANALYST');
  const again = await authenticate({ email: user.email, password: user.password }, meta);
  assert.ok(again.ok);
  assert.notEqual(again.user.sessionId, token.sid);
  assert.equal(await db().session.count({ where: { userId: user.id } }), 2);

  assert.equal(await resolveSession({ uid: user.id, issuedAt: Date.now() }, meta), null);
  const { token: theirs } = await signIn('ANALYST');
  assert.equal(await resolveSession({ uid: user.id, sid: theirs.sid, issuedAt: Date.now() }, meta), null);
});

test('a role change still ends every session through sessionsValidAfter', async () => {
  const { user, token } = await signIn('SUPERVISOR');
  await db().user.update({ where: { id: user.id }, data: { sessionsValidAfter: new Date(token.issuedAt + 1) } });
  assert.equal(await resolveSession(token, meta), null);
});

test('the sweep ends expired sessions with their events even when their browser never comes back', async () => {
  const { user: idle, token: idleToken } = await signIn('ANALYST');
  const start = new Date(Date.now() - 40 * MINUTE);
  await db().session.update({ where: { id: idleToken.sid }, data: { createdAt: start, lastSeenAt: start } });
  const { token: fresh } = await signIn('ANALYST', new Date());
  await endExpiredSessions(new Date(), LIMITS);
  assert.equal((await db().session.findUniqueOrThrow({ where: { id: idleToken.sid } })).endReason, 'IDLE');
  assert.equal((await db().session.findUniqueOrThrow({ where: { id: fresh.sid } })).endedAt, null);
  assert.equal((await logoutEvents(idle.id)).length, 1);
  // Noticing it again on a request records nothing more.
  assert.deepEqual(await resolveSessionState(idleToken, meta), { status: 'ended', reason: 'idle' });
  assert.equal((await logoutEvents(idle.id)).length, 1);
});

test('the sweep deletes the rows of sessions ended more than 30 days ago, after ending any still open; their LOGOUT events stay', async () => {
  const now = new Date();
  const DAY = 24 * 60 * MINUTE;
  const { user } = await signIn('ANALYST');
  const session = (at: Date, ended?: { at: Date; reason: 'LOGOUT' | 'IDLE' }) =>
    db().session.create({ data: { userId: user.id, createdAt: at, lastSeenAt: at, endedAt: ended?.at ?? null, endReason: ended?.reason ?? null }, select: { id: true } });
  const longEnded = await session(later(now, -40 * DAY), { at: later(now, -31 * DAY), reason: 'LOGOUT' });
  const recentlyEnded = await session(later(now, -30 * DAY), { at: later(now, -29 * DAY), reason: 'IDLE' });
  // Expired 40 days ago but never noticed (no sweep ran): ended at its deadline first, with its event, then deleted.
  const neverSwept = await session(later(now, -40 * DAY));
  const open = await session(later(now, -5 * MINUTE));

  assert.equal(ENDED_SESSION_KEEP_MS, 30 * DAY);
  await sweepSessions(now, LIMITS);
  const left = await db().session.findMany({ where: { userId: user.id }, select: { id: true } });
  const ids = new Set(left.map((row) => row.id));
  assert.ok(!ids.has(longEnded.id), 'ended 31 days ago: deleted');
  assert.ok(!ids.has(neverSwept.id), 'expired long ago: ended, then deleted');
  assert.ok(ids.has(recentlyEnded.id), 'ended 29 days ago: kept');
  assert.ok(ids.has(open.id), 'open: kept');
  const events = await logoutEvents(user.id);
  assert.deepEqual(
    events.filter((event) => event.resourceId === neverSwept.id).map((event) => (event.details as { reason: string }).reason),
    ['absolute'],
    'the end of the deleted session is still in the access log',
  );
  // Another pass finds nothing more to do.
  const again = await sweepSessions(now, LIMITS);
  assert.equal(await db().session.count({ where: { userId: user.id } }), left.length);
  assert.equal(again.ended, 0);
});
