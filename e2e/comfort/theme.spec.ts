import { expect, test, userMenuButton } from '../fixtures';
import type { Page } from '@playwright/test';

// Light and dark themes: following the system setting until the user chooses, the choice
// kept in a cookie and rendered by the server into <html data-theme> (right from the first
// paint, no script before it), and no CSP violation on the way.

const LIGHT_BG = 'rgb(255, 255, 255)';
const DARK_BG = 'rgb(11, 17, 32)';

function pageBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|apply|load)/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

async function chooseTheme(page: Page, label: 'System' | 'Light' | 'Dark') {
  await userMenuButton(page).click();
  const menu = page.getByRole('dialog', { name: 'User menu' });
  await menu.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: label }).check();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
}

test('without a choice the theme follows the system setting, and changes with it', async ({ page, loginAs }) => {
  const violations = watchCspViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await loginAs('analyst');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  expect(await pageBackground(page)).toBe(DARK_BG);

  await page.emulateMedia({ colorScheme: 'light' });
  expect(await pageBackground(page)).toBe(LIGHT_BG);

  await userMenuButton(page).click();
  await expect(page.getByRole('radio', { name: 'System' })).toBeChecked();
  expect(violations).toEqual([]);
});

test('a chosen theme overrides the system, is in the server’s HTML and survives a reload; System goes back', async ({ page, loginAs }) => {
  const violations = watchCspViolations(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await loginAs('analyst2');

  await chooseTheme(page, 'Dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await pageBackground(page)).toBe(DARK_BG);
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === 'proportio-theme');
  expect(cookie?.value).toBe('dark');

  // Before any script runs: the HTML the server sends already says dark, so the first paint is dark.
  const html = await (await page.request.get('/hits')).text();
  expect(html).toMatch(/<html[^>]*data-theme="dark"/);
  await page.reload();
  expect(await pageBackground(page)).toBe(DARK_BG);

  await chooseTheme(page, 'Light');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await pageBackground(page)).toBe(LIGHT_BG);

  await chooseTheme(page, 'System');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  expect(await pageBackground(page)).toBe(DARK_BG);
  expect(violations).toEqual([]);
});
