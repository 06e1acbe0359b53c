import type { Browser, Page } from '@playwright/test';
import { demoUser, expect, expectSignedIn, LoginPage, test, userMenuButton, type RoleKey } from '../fixtures';
import { requestEscalation } from '../pages/escalation';

// The per-person report and the disclosure package on paper (print media): no navigation,
// tables whole, and a line saying who printed them and when. The Print button prints.

async function expectPrintable(page: Page, printedBy: string) {
  // On screen: the navigation, no print line.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByTestId('print-header')).toBeHidden();

  // The Print button opens the browser's print dialog (counted here instead of shown).
  await page.evaluate(() => {
    const counted = window as unknown as { printed: number };
    counted.printed = 0;
    window.print = () => {
      counted.printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Print' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(userMenuButton(page)).toBeHidden();
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  const header = page.getByTestId('print-header');
  await expect(header).toBeVisible();
  await expect(header).toContainText(new RegExp(`printed by ${printedBy} on .+\\(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\)`));
  // Every table whole: none cut off inside a scrolling box.
  const clipped = await page.locator('table').evaluateAll((tables) =>
    tables.filter((table) => {
      const box = table.parentElement!;
      return getComputedStyle(box).overflowX !== 'visible' && box.scrollWidth > box.clientWidth;
    }).length,
  );
  expect(clipped).toBe(0);
  // Black on white even for a reader who works in the dark theme.
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
}

async function signedIn(browser: Browser, key: RoleKey): Promise<Page> {
  const page = await (await browser.newContext({ colorScheme: 'dark' })).newPage();
  const user = demoUser(key);
  await new LoginPage(page).goto();
  await new LoginPage(page).signIn(user.email, user.password);
  await expectSignedIn(page);
  return page;
}

test('the person report prints without navigation, whole, with who printed it and when', async ({ page, loginAs, sql }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const officer = await loginAs('privacy');
  const [person] = await sql<{ travellerId: string }>(`SELECT "travellerId" FROM "AccessEvent" WHERE "travellerId" IS NOT NULL ORDER BY seq DESC LIMIT 1`);
  await page.goto(`/access-log/person/${person!.travellerId}`);
  await expect(page.getByRole('heading', { name: 'Person report', level: 1 })).toBeVisible();
  await expectPrintable(page, `${officer.name} \\(Privacy officer\\)`);
  await expect(page.getByRole('table', { name: /Everything that happened/ })).toBeVisible();
});

test('the disclosure package prints without navigation, with who printed it and when', async ({ browser, sql }) => {
  // Two sign-ins, a request and its approval come before the package exists.
  test.setTimeout(90_000);
  const analyst = await signedIn(browser, 'analyst2');
  const supervisor = await signedIn(browser, 'supervisor');
  try {
    const [hit] = await sql<{ id: string }>(`SELECT id FROM "Hit" WHERE status IN ('NEW', 'IN_REVIEW') AND "assigneeId" IS NULL ORDER BY "dueAt" DESC LIMIT 1`);
    await requestEscalation(analyst, hit!.id);
    const [escalation] = await sql<{ id: string }>(`SELECT id FROM "Escalation" WHERE "hitId" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [hit!.id]);
    await supervisor.goto(`/escalations/${escalation!.id}`);
    await supervisor.getByRole('button', { name: 'Approve', exact: true }).click();
    await supervisor.getByRole('button', { name: 'Approve request' }).click();
    await supervisor.getByRole('link', { name: 'Open disclosure package' }).click();
    await expect(supervisor.getByRole('heading', { name: 'Disclosure package', level: 1 })).toBeVisible();
    await expectPrintable(supervisor, `${demoUser('supervisor').name} \\(Supervisor\\)`);
    await expect(supervisor.getByRole('heading', { name: 'Basis of the disclosure' })).toBeVisible();
  } finally {
    await analyst.context().close();
    await supervisor.context().close();
  }
});
