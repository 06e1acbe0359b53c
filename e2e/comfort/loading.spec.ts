import pg from 'pg';
import { expect, test } from '../fixtures';

// Loading states: reached by a client-side navigation, a page shows its heading and a skeleton
// of its shape at once, and its data when they are read; loaded as a document, the data come in
// the same response.
// The escalations table is locked for a moment so that "while the data are read" lasts.

test('a page reached through the navigation shows a skeleton until its data are read', async ({ page, loginAs }) => {
  await loginAs('supervisor');
  const locker = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await locker.connect();
  try {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE "Escalation" IN ACCESS EXCLUSIVE MODE');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Escalations' }).click();
    await expect(page.getByRole('heading', { name: 'Escalations', level: 1 })).toBeVisible();
    const skeleton = page.getByTestId('loading-skeleton');
    await expect(skeleton).toBeVisible();
    await expect(skeleton).toHaveAttribute('role', 'status');
    await expect(skeleton).toContainText('Loading the escalation requests…');
    await expect(page.getByRole('table', { name: 'Escalation requests' })).toHaveCount(0);
  } finally {
    await locker.query('COMMIT');
    await locker.end();
  }
  await expect(page.getByRole('table', { name: 'Escalation requests' })).toBeVisible();
  await expect(page.getByTestId('loading-skeleton')).toHaveCount(0);
});

test('a page loaded as a document carries its data in the same response', async ({ page, loginAs }) => {
  await loginAs('supervisor');
  const response = await page.request.get('/escalations');
  expect(response.status()).toBe(200);
  const html = await response.text();
  // The requests themselves, not only the heading: no second request is needed to show them.
  // (React may still stream them behind the skeleton within this one response; that is timing.)
  expect(html).toContain('Escalation requests');
  expect(html).toMatch(/<tr data-escalation-id="[0-9a-f-]{36}"/);
});
