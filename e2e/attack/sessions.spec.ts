import { randomBytes, randomUUID } from 'node:crypto';
import type { APIRequestContext, APIResponse, PlaywrightWorkerArgs } from '@playwright/test';
import { demoUser, expect, test } from '../fixtures';
import { BASE_URL, clientAddress, Db, ORIGIN, type StorageState } from './harness';

// Issue 9, attack suite part 3: the session lifecycle over real HTTP, with the clock moved by
// back-dating the server-side Session row (createdAt: sign-in, lastSeenAt: last user activity)
// the JWT names. The server keeps its defaults (30 minutes idle, 12 hours absolute). Sign-ins go
// through next-auth's credentials callback, as the login form posts it. Every destructive case
// uses a throw-away account, so the demo users stay as the other specs expect them.

type Playwright = PlaywrightWorkerArgs['playwright'];

let db: Db;
let admin: APIRequestContext;

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(60_000);
  db = await Db.connect();
  const { email, password } = demoUser('admin');
  admin = await signInOverHttp(playwright, email, password);
});

test.afterAll(async () => {
  await admin?.dispose();
  await db?.close();
});

/** A request context with our Origin and an address of its own (login throttling is per address). */
function newContext(playwright: Playwright, storageState?: StorageState): Promise<APIRequestContext> {
  return playwright.request.newContext({ baseURL: BASE_URL, storageState, extraHTTPHeaders: { Origin: ORIGIN, 'X-Forwarded-For': clientAddress() } });
}

async function sessionCookie(context: APIRequestContext): Promise<string | undefined> {
  return (await context.storageState()).cookies.find((cookie) => cookie.name.endsWith('next-auth.session-token'))?.value;
}

/** Signs in as the login form does (CSRF token, then the credentials callback), in `context` or a new one. */
async function signInOverHttp(playwright: Playwright, email: string, password: string, context?: APIRequestContext): Promise<APIRequestContext> {
  const target = context ?? (await newContext(playwright));
  const { csrfToken } = (await (await target.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await target.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, callbackUrl: `${BASE_URL}/hits`, json: 'true' }, maxRedirects: 0 });
  expect(response.status(), await response.text()).toBeLessThan(400);
  expect(await sessionCookie(target), `signed in as ${email}`).toBeTruthy();
  return target;
}

interface Account {
  id: string;
  email: string;
  password: string;
}

/** A throw-away analyst, created by the administrator, whose initial password has already been replaced. */
async function throwAwayAnalyst(playwright: Playwright): Promise<Account> {
  const email = `session-${randomUUID().slice(0, 8)}@proportio.test`;
  const created = await admin.post('/api/v1/users', { data: { email, name: 'Session Probe', role: 'ANALYST', unit: 'Attack suite' } });
  expect(created.status(), await created.text()).toBe(201);
  const { user, initialPassword } = (await created.json()) as { user: { id: string }; initialPassword: string };
  const password = `lifecycle-${randomBytes(12).toString('base64url')}`;
  const first = await signInOverHttp(playwright, email, initialPassword);
  const changed = await first.post('/api/v1/account/password', { data: { currentPassword: initialPassword, newPassword: password } });
  expect(changed.status(), await changed.text()).toBe(200);
  await first.dispose();
  return { id: user.id, email, password };
}

async function sessionIds(userId: string): Promise<string[]> {
  return (await db.query<{ id: string }>(`SELECT id FROM "Session" WHERE "userId" = $1`, [userId])).map((row) => row.id);
}

/** Signs the account in and answers the server-side session that sign-in started. */
async function signInWithSession(playwright: Playwright, account: Account, context?: APIRequestContext): Promise<{ context: APIRequestContext; sid: string }> {
  const before = new Set(await sessionIds(account.id));
  const signedIn = await signInOverHttp(playwright, account.email, account.password, context);
  const started = (await sessionIds(account.id)).filter((id) => !before.has(id));
  expect(started, 'one new session per sign-in').toHaveLength(1);
  return { context: signedIn, sid: started[0] as string };
}

/** Moves the clock: as if the session had started `signedInAgo` and last seen its user `idleFor` ago. */
async function backdate(sid: string, signedInAgo: string, idleFor: string): Promise<void> {
  await db.query(`UPDATE "Session" SET "createdAt" = now() - $2::interval, "lastSeenAt" = now() - $3::interval WHERE id = $1`, [sid, signedInAgo, idleFor]);
}

/** A call that is the user's activity: the first page of the queue. */
const queue = (context: APIRequestContext) => context.get('/api/v1/hits');

async function expectRefused(response: APIResponse, sessionEnded?: string): Promise<void> {
  expect(response.status()).toBe(401);
  const body = (await response.json()) as Record<string, unknown>;
  expect(body.sessionEnded).toBe(sessionEnded);
  expect(body).not.toHaveProperty('items');
}

/** A page request ends at the login page (following the app's redirects), saying why when it says. */
async function expectPageSendsToLogin(context: APIRequestContext, ended?: string): Promise<void> {
  const response = await context.get('/hits');
  const url = new URL(response.url());
  expect(url.pathname).toBe('/login');
  expect(url.searchParams.get('ended')).toBe(ended ?? null);
}

/** The session's end as the server recorded it: its row and its LOGOUT access events (by session id, whoever noticed first). */
async function endOf(sid: string): Promise<{ endReason: string | null; logoutReasons: string[] }> {
  await db.eventsOf([]);
  const [row] = await db.query<{ endReason: string | null }>(`SELECT "endReason"::text AS "endReason" FROM "Session" WHERE id = $1`, [sid]);
  const events = await db.query<{ reason: string }>(
    `SELECT details->>'reason' AS reason FROM "AccessEvent" WHERE operation = 'LOGOUT' AND "resourceType" = 'session' AND "resourceId" = $1
     UNION ALL SELECT details->>'reason' FROM "AccessEventPending" WHERE operation = 'LOGOUT' AND "resourceType" = 'session' AND "resourceId" = $1`,
    [sid],
  );
  return { endReason: row?.endReason ?? null, logoutReasons: events.map((event) => event.reason) };
}

test('29 minutes idle is fine and counts as activity; 31 minutes idle is refused, the page goes to the login, one LOGOUT event (idle)', async ({ playwright }) => {
  const account = await throwAwayAnalyst(playwright);
  const { context, sid } = await signInWithSession(playwright, account);
  try {
    await backdate(sid, '29 minutes', '29 minutes');
    expect((await queue(context)).status()).toBe(200);
    // That call was the user's: the idle clock starts again.
    const [touched] = await db.query<{ idle: number }>(`SELECT extract(epoch FROM now() - "lastSeenAt")::float AS idle FROM "Session" WHERE id = $1`, [sid]);
    expect(touched?.idle).toBeLessThan(60);

    await backdate(sid, '31 minutes', '31 minutes');
    await expectRefused(await queue(context), 'idle');
    await expectPageSendsToLogin(context, 'idle');
    expect(await endOf(sid)).toEqual({ endReason: 'IDLE', logoutReasons: ['idle'] });
    // Fresh activity cannot revive an ended session.
    await backdate(sid, '1 minute', '0 minutes');
    await expectRefused(await queue(context), 'idle');
  } finally {
    await context.dispose();
  }
});

test('the absolute limit: a session signed in more than 12 hours ago is refused however recent its activity', async ({ playwright }) => {
  const account = await throwAwayAnalyst(playwright);
  const { context, sid } = await signInWithSession(playwright, account);
  try {
    await backdate(sid, '11 hours 50 minutes', '1 minute');
    expect((await queue(context)).status()).toBe(200);

    await backdate(sid, '12 hours 1 minute', '1 minute');
    await expectRefused(await queue(context), 'absolute');
    await expectPageSendsToLogin(context, 'absolute');
    expect(await endOf(sid)).toEqual({ endReason: 'ABSOLUTE', logoutReasons: ['absolute'] });
  } finally {
    await context.dispose();
  }
});

test('a cookie replayed after sign-out is refused: next-auth’s sign-out ends the session on the server', async ({ playwright }) => {
  const account = await throwAwayAnalyst(playwright);
  const { context, sid } = await signInWithSession(playwright, account);
  const copied = await context.storageState();
  const replay = await newContext(playwright, copied);
  try {
    // The copy works while its user is signed in…
    expect((await queue(replay)).status()).toBe(200);
    const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const signedOut = await context.post('/api/auth/signout', { form: { csrfToken, callbackUrl: `${BASE_URL}/login`, json: 'true' }, maxRedirects: 0 });
    expect(signedOut.status()).toBeLessThan(400);
    expect(await sessionCookie(context), 'the browser’s cookie is cleared').toBeFalsy();

    // …and not once they signed out, though the JWT itself is still within its lifetime.
    await expectRefused(await queue(replay), 'logout');
    await expectPageSendsToLogin(replay);
    expect(await endOf(sid)).toEqual({ endReason: 'LOGOUT', logoutReasons: ['logout'] });
  } finally {
    await Promise.all([context.dispose(), replay.dispose()]);
  }
});

test('a cookie replayed after an administrator deactivated its user is refused, and stays refused after reactivation', async ({ playwright }) => {
  const account = await throwAwayAnalyst(playwright);
  const { context } = await signInWithSession(playwright, account);
  const replay = await newContext(playwright, await context.storageState());
  try {
    expect((await queue(replay)).status()).toBe(200);
    const deactivated = await admin.post(`/api/v1/users/${account.id}/active`, { data: { active: false } });
    expect(deactivated.status(), await deactivated.text()).toBe(200);
    await expectRefused(await queue(replay));
    await expectRefused(await queue(context));
    await expectPageSendsToLogin(replay);

    // Reactivation lets the person sign in again; it does not bring back a token issued before.
    const reactivated = await admin.post(`/api/v1/users/${account.id}/active`, { data: { active: true } });
    expect(reactivated.status(), await reactivated.text()).toBe(200);
    await expectRefused(await queue(replay));
    const again = await signInWithSession(playwright, account);
    expect((await queue(again.context)).status()).toBe(200);
    await again.context.dispose();
  } finally {
    await Promise.all([context.dispose(), replay.dispose()]);
  }
});

test('a password change ends every session of the user: the changing one and another browser’s cookie are both refused', async ({ playwright }) => {
  const account = await throwAwayAnalyst(playwright);
  const first = await signInWithSession(playwright, account);
  const second = await signInWithSession(playwright, account);
  const replay = await newContext(playwright, await second.context.storageState());
  try {
    expect((await queue(second.context)).status()).toBe(200);
    const newPassword = `lifecycle-${randomBytes(12).toString('base64url')}`;
    const changed = await first.context.post('/api/v1/account/password', { data: { currentPassword: account.password, newPassword } });
    expect(changed.status(), await changed.text()).toBe(200);

    await expectRefused(await queue(first.context));
    await expectRefused(await queue(second.context));
    await expectRefused(await queue(replay));
    await expectPageSendsToLogin(replay);
    // The new password signs in; the old one no longer does.
    const renewed = await signInWithSession(playwright, { ...account, password: newPassword });
    expect((await queue(renewed.context)).status()).toBe(200);
    await renewed.context.dispose();
    const stale = await newContext(playwright);
    const { csrfToken } = (await (await stale.get('/api/auth/csrf')).json()) as { csrfToken: string };
    await stale.post('/api/auth/callback/credentials', { form: { csrfToken, email: account.email, password: account.password, json: 'true' }, maxRedirects: 0 });
    expect(await sessionCookie(stale), 'the old password signs nobody in').toBeFalsy();
    await stale.dispose();
  } finally {
    await Promise.all([first.context.dispose(), second.context.dispose(), replay.dispose()]);
  }
});

test('every sign-in gets a new session id, even in a browser that already holds one (no session fixation)', async ({ playwright }) => {
  const account = await throwAwayAnalyst(playwright);
  const context = await newContext(playwright);
  try {
    // Before signing in the browser has no session cookie to fix.
    await context.get('/login');
    expect(await sessionCookie(context)).toBeFalsy();
    const { sid: planted } = await signInWithSession(playwright, account, context);
    const plantedCookie = await sessionCookie(context);
    const holder = await newContext(playwright, await context.storageState());

    // Signing in again over that cookie (as a victim would over one an attacker planted).
    const { sid: fresh } = await signInWithSession(playwright, account, context);
    expect(fresh).not.toBe(planted);
    expect(await sessionCookie(context)).not.toBe(plantedCookie);
    // Ending the planted session shows which one the browser now holds: the new one goes on.
    await db.query(`UPDATE "Session" SET "endedAt" = now(), "endReason" = 'LOGOUT' WHERE id = $1`, [planted]);
    await expectRefused(await queue(holder), 'logout');
    expect((await queue(context)).status()).toBe(200);
    await holder.dispose();
  } finally {
    await context.dispose();
  }
});
