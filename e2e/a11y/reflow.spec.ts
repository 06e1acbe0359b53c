import type { Page } from '@playwright/test';
import { expect, test, type RoleKey } from '../fixtures';

// WCAG 1.4.10 (reflow) and 1.4.4 (resize text): at 320 CSS pixels wide — what 1280 pixels are at
// 400% zoom — and at 640 — 1280 at 200% — the main pages scroll vertically only. Nothing is cut
// off: content wider than the screen (a table) scrolls inside its own container, not the page.
// A browser's zoom shrinks the CSS viewport just so, which is why a narrow viewport stands in for it.

const WIDTHS = [320, 640] as const;

/** Elements sticking out of the viewport outside any scrolling container: content a user loses. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (element: Element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowX);
    const found: string[] = [];
    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden') continue;
      if (box.right <= width + 1 && box.left >= -1) continue;
      let inside = false;
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (scrolls(parent)) inside = true;
      }
      if (!inside) found.push(`<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> “${(element.textContent ?? '').trim().slice(0, 40)}” spans ${Math.round(box.left)}–${Math.round(box.right)}`);
    }
    return found.slice(0, 8);
  });
}

async function expectReflow(page: Page, url: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 320 ? 640 : 360 });
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId('loading-skeleton')).toHaveCount(0, { timeout: 15_000 });
    const scroll = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      body: document.body.scrollWidth - document.body.clientWidth,
    }));
    const outside = await overflowing(page);
    expect({ scroll, outside }, `${url} at ${width}px: no horizontal scroll, nothing outside the screen`).toEqual({ scroll: { page: 0, body: 0 }, outside: [] });
  }
}

const MAIN_PAGES: { role: RoleKey; pages: (page: Page) => Promise<string[]> }[] = [
  {
    role: 'analyst',
    pages: async (page) => {
      await page.goto('/hits');
      const id = await page.locator('tr[data-hit-id]').first().getAttribute('data-hit-id');
      expect(id, 'the queue has a hit to open').toBeTruthy();
      return ['/hits', `/hits/${id}`, `/hits/${id}/escalate`];
    },
  },
  { role: 'supervisor', pages: async () => ['/escalations', '/metrics'] },
  { role: 'privacy', pages: async () => ['/access-log', '/access-log/anomalies'] },
  { role: 'admin', pages: async () => ['/admin/users', '/admin/retention'] },
];

for (const { role, pages } of MAIN_PAGES) {
  test(`reflow: ${role}'s main pages at 320 and 640 px wide`, async ({ page, loginAs }) => {
    test.setTimeout(90_000);
    await loginAs(role);
    // The start page's own redirect must be done before the next navigation, or it cancels it.
    await page.waitForLoadState('networkidle');
    for (const url of await pages(page)) await expectReflow(page, url);
  });
}
