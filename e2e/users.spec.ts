import { randomBytes } from 'node:crypto';
import { expect, LoginPage, test } from './fixtures';
import { PasswordForm, UsersPage } from './pages/users';

// The account lifecycle of issue 9: an administrator creates a user with a one-time initial
// password, the user must replace it before anything else; a role change bites at once;
// nobody changes their own role.

function uniqueUser(role: string) {
  const suffix = randomBytes(4).toString('hex');
  return { name: `Tove Example ${suffix}`, email: `tove.${suffix}@proportio.test`, role, unit: 'PIU Frankfurt' };
}

test('an administrator creates a user, who signs in with the initial password, must replace it, then works', async ({ page, loginAs, browser, sql }) => {
  await loginAs('admin');
  const users = new UsersPage(page);
  await users.goto();
  const person = uniqueUser('Analyst');
  const { dialog, password } = await users.create(person);
  expect(password.length).toBeGreaterThanOrEqual(16);
  await expect(dialog).toContainText('will not be shown again');
  await dialog.getByRole('button', { name: /^Done/ }).click();
  await expect(users.row(person.name)).toContainText('Initial password');
  expect(await page.content()).not.toContain(password);
  const [event] = await sql<{ details: unknown }>(`SELECT details FROM "AccessEvent" WHERE operation = 'ALTERATION' AND "resourceType" = 'user' AND details->>'email' = $1`, [person.email]);
  expect(event?.details).toEqual({ email: person.email, role: 'ANALYST', unit: 'PIU Frankfurt' });

  // The new user, in a browser of their own.
  const context = await browser.newContext();
  const own = await context.newPage();
  const login = new LoginPage(own);
  await login.goto();
  await login.signIn(person.email, password);
  await expect(own).toHaveURL(/\/account\/password$/);
  await expect(own.getByRole('heading', { name: 'Choose your password' })).toBeVisible();
  // Nothing else is open to them meanwhile: pages send them back, the API refuses.
  await own.goto('/hits');
  await expect(own).toHaveURL(/\/account\/password$/);
  expect((await own.request.get('/api/v1/hits')).status()).toBe(403);

  const form = new PasswordForm(own, 'Initial password');
  // A common password is refused at its field.
  await form.change(password, 'qwerty123456');
  await expect(own.getByLabel('New password', { exact: true })).toHaveAccessibleDescription(/most common/);
  const chosen = `quiet harbour ${randomBytes(3).toString('hex')} lantern`;
  await form.change(password, chosen);
  // Signed in again with the new password, at work: the analyst's queue.
  await expect(own).toHaveURL(/\/hits$/);
  await expect(own.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['Hits']);
  expect((await own.request.get('/api/v1/hits')).status()).toBe(200);
  await context.close();

  // The initial password no longer works.
  const again = await browser.newContext();
  const retry = await again.newPage();
  const retryLogin = new LoginPage(retry);
  await retryLogin.goto();
  await retryLogin.signIn(person.email, password);
  await expect(retry.locator('form').getByRole('alert')).toHaveText('The email address or password is not correct.');
  await again.close();
});

test('a role change applies to the user’s open session at once', async ({ page, loginAs, browser }) => {
  // A supervisor of our own, so that the demo users keep their roles for other suites.
  await loginAs('admin');
  const users = new UsersPage(page);
  await users.goto();
  const person = uniqueUser('Supervisor');
  const { dialog, password } = await users.create(person);
  await dialog.getByRole('button', { name: /^Done/ }).click();

  const context = await browser.newContext();
  const own = await context.newPage();
  const login = new LoginPage(own);
  await login.goto();
  await login.signIn(person.email, password);
  const chosen = `amber meadow ${randomBytes(3).toString('hex')} compass`;
  await new PasswordForm(own, 'Initial password').change(password, chosen);
  // The change ends every session and signs in again with the new password: two argon2 hashes and a
  // redirect, slow on a loaded CI machine.
  await expect(own.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['Hits', 'Escalations', 'Metrics'], { timeout: 20_000 });

  await users.changeRole(person.name, 'Analyst');
  await expect(users.row(person.name)).toContainText('Analyst');

  // The open session's very next request is refused: the API answers 401, a page sends to sign-in.
  expect((await own.request.get('/api/v1/escalations')).status()).toBe(401);
  await own.goto('/escalations');
  await expect(own).toHaveURL(/\/login/);
  await login.signIn(person.email, chosen);
  await expect(own.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['Hits']);
  expect((await own.goto('/escalations'))?.status()).toBe(403);
  await context.close();
});

test('an administrator cannot change their own role or deactivate themselves', async ({ page, loginAs, sql }) => {
  const admin = await loginAs('admin');
  const users = new UsersPage(page);
  await users.goto();
  const own = users.row(admin.name);
  await expect(own).toContainText('another administrator changes it');
  await expect(own.getByRole('button')).toHaveCount(0);

  // Called directly, the API refuses, and the refusal is recorded.
  const [{ id } = { id: '' }] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [admin.email]);
  // Same-origin, as the browser's own calls are (cross-site requests are refused before any rule).
  const headers = { Origin: new URL(page.url()).origin };
  const role = await page.request.post(`/api/v1/users/${id}/role`, { data: { role: 'SUPERVISOR' }, headers });
  expect(role.status()).toBe(403);
  const active = await page.request.post(`/api/v1/users/${id}/active`, { data: { active: false }, headers });
  expect(active.status()).toBe(403);
  const denied = await sql<{ reason: string }>(
    `SELECT details->>'reason' AS reason FROM "AccessEvent" WHERE operation = 'DENIED' AND "actorLabel" = $1 AND "resourceId" = $2 ORDER BY seq`,
    [admin.email, id],
  );
  expect(denied.map((event) => event.reason).slice(-2)).toEqual(['own-role', 'own-deactivation']);
  const [after] = await sql<{ role: string; active: boolean }>(`SELECT role, active FROM "User" WHERE id = $1`, [id]);
  expect(after).toEqual({ role: 'ADMINISTRATOR', active: true });
});
