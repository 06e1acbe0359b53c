import { expect, signOut, test } from './fixtures';

// Session lifecycle (ASVS V7) in the browser. The server keeps its 30-minute idle limit; the tests
// move a session's last activity back in the database and the page's clock forward, so nothing waits.

/** The user's newest server-side session. */
async function latestSession(sql: <T extends Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>, email: string) {
  const [row] = await sql<{ id: string; idle_seconds: number }>(
    `SELECT s.id, extract(epoch FROM now() - s."lastSeenAt")::float AS idle_seconds
       FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1 ORDER BY s."createdAt" DESC LIMIT 1`,
    [email],
  );
  if (!row) throw new Error(`no session for ${email}`);
  return row;
}

test('the idle warning appears 2 minutes before the end, background refreshes do not extend the session, and "Stay signed in" does', async ({ page, loginAs, sql }) => {
  await page.clock.install();
  const user = await loginAs('analyst');
  await page.goto('/hits');
  await expect(page.getByRole('heading', { name: 'Hits', level: 1 })).toBeVisible();
  const session = await latestSession(sql, user.email);
  // As if the user had done nothing for 28½ minutes.
  await sql(`UPDATE "Session" SET "lastSeenAt" = now() - interval '28 minutes 30 seconds' WHERE id = $1`, [session.id]);

  // The queue's 30-second refresh and the session poll come due; neither is activity.
  const refreshed = page.waitForResponse((response) => response.url().includes('/api/v1/hits?') || /\/api\/v1\/hits$/.test(response.url()));
  await page.clock.fastForward(31_000);
  await refreshed;
  const dialog = page.getByRole('alertdialog', { name: 'Your session is about to end' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/You will be signed out in 1:[0-5]\d because of inactivity/);
  await expect(dialog.getByRole('button', { name: 'Stay signed in' })).toBeFocused();
  expect((await latestSession(sql, user.email)).idle_seconds).toBeGreaterThan(28 * 60);

  await dialog.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(dialog).toBeHidden();
  expect((await latestSession(sql, user.email)).idle_seconds).toBeLessThan(60);
});

test('reading the session status never extends the session, whatever the request says; "Stay signed in" does', async ({ page, loginAs, sql }) => {
  const user = await loginAs('analyst');
  await page.goto('/account/password');
  const session = await latestSession(sql, user.email);
  await sql(`UPDATE "Session" SET "lastSeenAt" = now() - interval '10 minutes' WHERE id = $1`, [session.id]);
  // Without the background header the app's own poll sends: the route itself is background.
  const status = await page.request.get('/api/v1/session');
  expect(status.status(), await status.text()).toBe(200);
  expect((await latestSession(sql, user.email)).idle_seconds).toBeGreaterThan(9 * 60);
  const stay = await page.request.post('/api/v1/session', { headers: { Origin: new URL(page.url()).origin } });
  expect(stay.status(), await stay.text()).toBe(200);
  expect((await latestSession(sql, user.email)).idle_seconds).toBeLessThan(60);
});

test('a session idle for more than 30 minutes is refused: the API answers 401 and pages say why at the login', async ({ page, loginAs, sql }) => {
  const user = await loginAs('analyst2');
  // Off the app's pages, so that no refresh of theirs notices the end first and navigates away.
  await page.goto('about:blank');
  const session = await latestSession(sql, user.email);
  await sql(`UPDATE "Session" SET "lastSeenAt" = now() - interval '31 minutes' WHERE id = $1`, [session.id]);

  const response = await page.request.get('/api/v1/hits');
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ sessionEnded: 'idle' });
  await page.goto('/hits');
  await expect(page).toHaveURL(/\/login\?ended=idle/);
  await expect(page.getByRole('status')).toHaveText(/Your session ended after 30 minutes without activity/);
  const [ended] = await sql<{ endReason: string }>(`SELECT "endReason" FROM "Session" WHERE id = $1`, [session.id]);
  expect(ended?.endReason).toBe('IDLE');
  const events = await sql(`SELECT 1 FROM "AccessEvent" WHERE operation = 'LOGOUT' AND "resourceId" = $1 AND details->>'reason' = 'idle'`, [session.id]);
  expect(events).toHaveLength(1);
});

test('a session cookie replayed after logout is refused', async ({ page, loginAs, browser, baseURL }) => {
  await loginAs('supervisor');
  const cookies = await page.context().cookies();
  expect(cookies.some((cookie) => cookie.name.endsWith('next-auth.session-token'))).toBe(true);
  // Copied while signed in, it works from elsewhere…
  const elsewhere = await browser.newContext({ baseURL });
  await elsewhere.addCookies(cookies);
  expect((await elsewhere.request.get('/api/v1/session')).status()).toBe(200);

  await signOut(page);
  await expect(page).toHaveURL(/\/login/);
  // …and no more once its user signed out.
  const replayed = await elsewhere.request.get('/api/v1/hits');
  expect(replayed.status()).toBe(401);
  expect(await replayed.json()).toMatchObject({ sessionEnded: 'logout' });
  const replayPage = await elsewhere.newPage();
  await replayPage.goto('/hits');
  await expect(replayPage).toHaveURL(/\/login/);
  await elsewhere.close();
});
