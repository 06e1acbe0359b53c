import { expect, signOut, test, userMenuButton } from '../fixtures';

// The header's user menu: who is signed in, the session's time left (live), the account
// page and Sign out; a popover that Escape closes, giving the focus back to its button.

test('the menu names the user and role and counts the session’s idle time down', async ({ page, loginAs, sql }, testInfo) => {
  const user = await loginAs('supervisor2');
  await expect(userMenuButton(page)).toHaveAccessibleName(new RegExp(`^User menu: ${user.name}\\s*· Supervisor$`));
  await userMenuButton(page).click();
  const menu = page.getByRole('dialog', { name: 'User menu' });
  await expect(menu).toContainText(user.name);
  await expect(menu).toContainText(`Supervisor · ${user.email}`);
  await expect(menu.getByTestId('session-remaining')).toContainText(/Signed out in \d+ min if idle/);
  await testInfo.attach('user menu', { body: await page.screenshot(), contentType: 'image/png' });
  await page.keyboard.press('Escape');

  // Put the session's last activity back so that 10 min 8 s are left: the menu says 11 min
  // (rounded up) and 10 min a few seconds later, without any request of the user's in between.
  const { idleMinutes } = (await (await page.request.get('/api/v1/session')).json()) as { idleMinutes: number };
  await sql(
    `UPDATE "Session" SET "lastSeenAt" = now() - make_interval(mins => $2) + interval '10 minutes 8 seconds'
      WHERE id = (SELECT s.id FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1 AND s."endedAt" IS NULL ORDER BY s."createdAt" DESC LIMIT 1)`,
    [user.email, idleMinutes],
  );
  await userMenuButton(page).click();
  const remaining = menu.getByTestId('session-remaining');
  await expect(remaining).toContainText('Signed out in 11 min if idle');
  await expect(remaining).toContainText('Signed out in 10 min if idle', { timeout: 15_000 });
});

test('the menu works by keyboard: Escape closes it and the focus returns to its button', async ({ page, loginAs }) => {
  await loginAs('analyst');
  const button = userMenuButton(page);
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('dialog', { name: 'User menu' });
  await expect(menu).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  // The focus moved into the menu.
  expect(await menu.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
});

test('Your account leads to the account page; Sign out from the menu ends the session', async ({ page, loginAs }) => {
  await loginAs('analyst2');
  await userMenuButton(page).click();
  await page.getByRole('dialog', { name: 'User menu' }).getByRole('link', { name: 'Change password' }).click();
  await expect(page).toHaveURL(/\/account#password-heading$/);
  await expect(page.getByRole('heading', { name: 'Change your password' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'User menu' })).toBeHidden();

  await signOut(page);
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/hits');
  await expect(page).toHaveURL(/\/login/);
});
