import type { Page, TestInfo } from '@playwright/test';
import { expect, test, type RoleKey } from '../fixtures';

// Screenshots of the main pages in the light and the dark theme, attached to the test report
// (open it with `npx playwright show-report`), so a reviewer can look without running anything.
// The theme follows the emulated system setting, as it does for a user who has not chosen one.

const BACKGROUND = { light: 'rgb(255, 255, 255)', dark: 'rgb(11, 17, 32)' } as const;

interface Shot {
  name: string;
  path: (sql: Sql) => Promise<string>;
  ready: (page: Page) => Promise<void>;
}

type Sql = <T extends Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;

const fixed = (path: string) => async () => path;
const heading = (name: string) => async (page: Page) => {
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
};

const SHOTS: Record<'analyst' | 'supervisor' | 'privacy' | 'admin', Shot[]> = {
  analyst: [
    { name: 'hit queue', path: fixed('/hits'), ready: async (page) => void (await expect(page.getByRole('table', { name: /Hit queue/ })).toBeVisible()) },
    {
      name: 'hit detail',
      path: async (sql) => {
        const [hit] = await sql<{ id: string }>(`SELECT id FROM "Hit" WHERE status IN ('NEW', 'IN_REVIEW') ORDER BY "dueAt" LIMIT 1`);
        return `/hits/${hit!.id}`;
      },
      ready: async (page) => void (await expect(page.getByText('Review due')).toBeVisible()),
    },
  ],
  supervisor: [
    { name: 'escalations', path: fixed('/escalations?status=ALL'), ready: heading('Escalations') },
    { name: 'metrics', path: fixed('/metrics'), ready: heading('Metrics') },
  ],
  privacy: [{ name: 'access log', path: fixed('/access-log'), ready: heading('Access log') }],
  admin: [{ name: 'admin users', path: fixed('/admin/users'), ready: heading('Users') }],
};

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  // Relative ages and the session's countdown tick; the picture is of a moment either way.
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true, animations: 'disabled' }), contentType: 'image/png' });
}

for (const [role, shots] of Object.entries(SHOTS) as [RoleKey, Shot[]][]) {
  test(`screenshots for ${role}: ${shots.map((shot) => shot.name).join(', ')} in light and dark`, async ({ page, loginAs, sql }, testInfo) => {
    test.setTimeout(90_000);
    await loginAs(role);
    for (const shot of shots) {
      await page.goto(await shot.path(sql));
      await shot.ready(page);
      await page.waitForLoadState('networkidle');
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(BACKGROUND[theme]);
        await attachScreenshot(page, testInfo, `${shot.name} — ${theme}`);
      }
    }
  });
}
