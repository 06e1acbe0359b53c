import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../fixtures';
import { apiContext, BASE_URL, clientAddress, Db, signIn } from './harness';

// Issue 9, attack suite part 4: guessing passwords. Each test signs in from addresses of its
// own (the e2e server trusts X-Forwarded-For's first entry), so the shared address the other
// specs sign in from is never held off, and against accounts of its own, never the demo ones.

let db: Db;
let admin: APIRequestContext;

test.beforeAll(async ({ browser, playwright }) => {
  test.setTimeout(60_000);
  db = await Db.connect();
  admin = await apiContext(playwright, await signIn(browser, 'admin'));
});

test.afterAll(async () => {
  await admin?.dispose();
  await db?.close();
});

/** A fresh account and its one-time initial password (a valid sign-in). */
async function freshAccount(): Promise<{ id: string; email: string; password: string }> {
  const email = `attack-${randomUUID().slice(0, 8)}@proportio.test`;
  const response = await admin.post('/api/v1/users', { data: { email, name: 'Attack Target', role: 'ANALYST', unit: 'Attack suite' } });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { user: { id: string }; initialPassword: string };
  return { id: body.user.id, email, password: body.initialPassword };
}

/** One sign-in attempt as the login form makes it (next-auth's credentials callback), from `ip`. */
async function attempt(playwright: { request: { newContext: (options: object) => Promise<APIRequestContext> } }, email: string, password: string, ip: string) {
  const context = await playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { 'X-Forwarded-For': ip } });
  try {
    const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const response = await context.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, callbackUrl: `${BASE_URL}/hits`, json: 'true' }, maxRedirects: 0 });
    const cookies = await context.storageState();
    const body = await response.text();
    return { status: response.status(), body, signedIn: cookies.cookies.some((cookie) => cookie.name.includes('session-token')) };
  } finally {
    await context.dispose();
  }
}

async function lastFailureReason(userId: string | null, ip: string): Promise<string | undefined> {
  await db.eventsOf([]);
  const rows = await db.query<{ reason: string }>(
    `SELECT details->>'reason' AS reason FROM "AccessEvent" WHERE operation = 'LOGIN_FAILED' AND ip = $1 AND ($2::uuid IS NULL OR "actorId" = $2::uuid) ORDER BY seq DESC LIMIT 1`,
    [ip, userId],
  );
  return rows[0]?.reason;
}

test('an unknown account and a wrong password get the same answer', async ({ playwright }) => {
  const account = await freshAccount();
  const unknown = await attempt(playwright, `nobody-${randomUUID().slice(0, 8)}@proportio.test`, 'a-wrong-password-1', clientAddress());
  const wrong = await attempt(playwright, account.email, 'a-wrong-password-1', clientAddress());
  expect(unknown.signedIn || wrong.signedIn).toBe(false);
  expect(unknown.status).toBe(wrong.status);
  expect(unknown.body).toBe(wrong.body);
  const right = await attempt(playwright, account.email, account.password, clientAddress());
  expect(right.signedIn).toBe(true);
  expect(right.body).not.toBe(wrong.body);
});

test('repeated failures on one account hold it off: even the right password then fails, as a wrong one does', async ({ playwright }) => {
  const account = await freshAccount();
  let failed = { status: 0, body: '', signedIn: false };
  // Five in a row from five addresses: the account's own back-off, not the address's limit.
  for (let guess = 0; guess < 5; guess++) failed = await attempt(playwright, account.email, `wrong-guess-number-${guess}`, clientAddress());
  const ip = clientAddress();
  const held = await attempt(playwright, account.email, account.password, ip);
  expect(held.signedIn).toBe(false);
  expect(held.status).toBe(failed.status);
  expect(held.body).toBe(failed.body);
  expect(await lastFailureReason(account.id, ip)).toBe('throttled');
});

test('one password sprayed over many accounts from one address holds that address off', async ({ playwright }) => {
  const account = await freshAccount();
  const ip = clientAddress();
  // LOGIN_IP_MAX_FAILURES (20 by default) failed guesses from one address, each on another account.
  const limit = 20;
  for (let index = 0; index < limit; index++) {
    const guess = await attempt(playwright, `sprayed-${index}-${randomUUID().slice(0, 6)}@proportio.test`, 'Summer2026!Summer2026!', ip);
    expect(guess.signedIn).toBe(false);
  }
  const held = await attempt(playwright, account.email, account.password, ip);
  expect(held.signedIn, 'the right password from a held-off address').toBe(false);
  expect(await lastFailureReason(account.id, ip)).toBe('ip-throttled');
  // The account itself is not locked: from another address it signs in.
  const elsewhere = await attempt(playwright, account.email, account.password, clientAddress());
  expect(elsewhere.signedIn).toBe(true);
});
