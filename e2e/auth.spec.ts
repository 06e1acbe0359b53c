import { demoUser, expect, LoginPage, signOut, test, type RoleKey } from './fixtures';

const NAVIGATION: Record<'analyst' | 'supervisor' | 'privacy' | 'admin', string[]> = {
  analyst: ['Hits'],
  supervisor: ['Hits', 'Escalations', 'Metrics'],
  privacy: ['Access log', 'Metrics', 'Retention'],
  admin: ['Admin'],
};

for (const [key, sections] of Object.entries(NAVIGATION) as [RoleKey, string[]][]) {
  test(`${key} signs in and sees exactly the navigation the role allows`, async ({ page, loginAs }) => {
    const user = await loginAs(key);
    await expect(page.getByRole('banner').getByText(user.name)).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link')).toHaveText(sections);
    // Home leads to the first section the role may use.
    await expect(page).toHaveURL(new RegExp(`${sections[0]!.toLowerCase().replace(' ', '-')}$`));
  });
}

const REFUSED: [RoleKey, string][] = [
  ['analyst', '/access-log'],
  ['analyst', '/escalations'],
  ['supervisor', '/admin'],
  ['privacy', '/hits'],
  ['admin', '/hits'],
  ['admin', '/metrics'],
];

for (const [key, path] of REFUSED) {
  test(`${key} is refused ${path} with 403 from the server, and the denial is recorded`, async ({ page, loginAs, sql }) => {
    const user = await loginAs(key);
    const [before] = await sql<{ count: string }>(
      `SELECT count(*) FROM "AccessEvent" WHERE "actorLabel" = $1 AND operation = 'DENIED' AND "resourceId" = $2`,
      [user.email, path],
    );
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: /not allowed/i })).toBeVisible();
    const [after] = await sql<{ count: string }>(
      `SELECT count(*) FROM "AccessEvent" WHERE "actorLabel" = $1 AND operation = 'DENIED' AND "resourceId" = $2`,
      [user.email, path],
    );
    expect(Number(after!.count)).toBe(Number(before!.count) + 1);
  });
}

test('a signed-out visitor is sent to the login page', async ({ page }) => {
  await page.goto('/hits');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: 'Sign in to Proportio' })).toBeVisible();
});

test('a failed login shows one message for every cause and is recorded', async ({ page, sql }) => {
  const login = new LoginPage(page);
  const analyst = demoUser('analyst');
  const [before] = await sql<{ count: string }>(
    `SELECT count(*) FROM "AccessEvent" WHERE operation = 'LOGIN_FAILED' AND "actorLabel" = $1`,
    [analyst.email],
  );
  await login.goto();
  await login.signIn(analyst.email, 'wrong-password-123');
  // Scoped to the form: Next.js's route announcer is also an (empty) alert.
  const alert = page.locator('form').getByRole('alert');
  await expect(alert).toHaveText('The email address or password is not correct.');
  const unknownEvents = () =>
    sql(`SELECT 1 FROM "AccessEvent" WHERE operation = 'LOGIN_FAILED' AND "actorLabel" = $1`, ['no-such-user@proportio.test']);
  const unknownBefore = (await unknownEvents()).length;
  await login.signIn('no-such-user@proportio.test', 'wrong-password-123');
  // Wait until the second attempt has been answered before reading its message.
  await expect.poll(async () => (await unknownEvents()).length).toBe(unknownBefore + 1);
  await expect(alert).toHaveText('The email address or password is not correct.');

  const [after] = await sql<{ count: string }>(
    `SELECT count(*) FROM "AccessEvent" WHERE operation = 'LOGIN_FAILED' AND "actorLabel" = $1`,
    [analyst.email],
  );
  expect(Number(after!.count)).toBe(Number(before!.count) + 1);
  await expect(page).toHaveURL(/\/login/);
});

test('missing and malformed fields get clear messages tied to their fields', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Enter your email address.');
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription('Enter your password.');
  await login.signIn('not-an-email', 'x');
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription(/Enter a valid email address/);
});

test('signing out ends the session and is recorded', async ({ page, loginAs, sql }) => {
  const user = await loginAs('supervisor2');
  await signOut(page);
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/hits');
  await expect(page).toHaveURL(/\/login/);
  const events = await sql(`SELECT 1 FROM "AccessEvent" WHERE operation = 'LOGOUT' AND "actorLabel" = $1`, [user.email]);
  expect(events.length).toBeGreaterThan(0);
});
