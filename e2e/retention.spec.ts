import { expect, test } from './fixtures';
import { RetentionPage } from './pages/retention';

// Retention administration (issue 8): an administrator edits a policy within the law's limits
// and the configured minimum (RETENTION_MIN_DAYS, 30 days by default), and runs a dry run;
// a privacy officer reads the same page and changes nothing.

test('the administrator edits a retention policy, is refused invalid values on their field, and runs a dry run', async ({ page, loginAs, sql }) => {
  const admin = await loginAs('admin');
  try {
    // From the administration overview's card.
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Manage retention' }).click();
    const retention = new RetentionPage(page);
    await expect(page.getByRole('heading', { name: 'Retention', level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');

    await expect(retention.policies.getByRole('row')).toHaveCount(5);
    await expect(retention.policyRow('Identifying data')).toContainText('PNR Directive art. 12(2): depersonalise by masking the identifying data elements 6 months after transfer');
    await expect(retention.policyRow('Access log')).toContainText('Not editable');
    await expect(retention.editButton('Access log')).toHaveCount(0);
    await expect(page.getByText(/The access log cannot be edited\. The access log is kept for exactly 5 years by law/)).toBeVisible();

    const dialog = await retention.openEdit('Cleared travellers');
    const mask = dialog.getByRole('textbox', { name: 'Mask after (days)' });
    const erase = dialog.getByRole('textbox', { name: 'Erase after (days)' });
    const save = dialog.getByRole('button', { name: 'Save policy' });

    // Below the configured minimum: refused in the form, on its field, focus there.
    await mask.fill('10');
    await erase.fill('1500');
    await save.click();
    await expect(mask).toBeFocused();
    await expect(mask).toHaveAttribute('aria-invalid', 'true');
    await expect(mask).toHaveAccessibleDescription(/At least 30 days: no policy may mask sooner/);

    // Valid alone, but cleared travellers would be erased before the general masking at 183 days:
    // only the server knows the other classes, and it ties the refusal to the erasure field.
    await mask.fill('');
    await erase.fill('100');
    await save.click();
    await expect(erase).toHaveAttribute('aria-invalid', 'true');
    await expect(erase).toHaveAccessibleDescription(/would be erased \(after 100 days\) before or when they are masked \(after 183 days\)/);
    await expect(mask).not.toHaveAttribute('aria-invalid', 'true');

    await mask.fill('90');
    await erase.fill('1500');
    await save.click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Retention policy “Cleared travellers” saved')).toBeVisible();
    await expect(retention.editButton('Cleared travellers')).toBeFocused();
    const row = retention.policyRow('Cleared travellers');
    await expect(row).toContainText('90');
    await expect(row).toContainText('1,500');
    await expect(row).toContainText(`by ${admin.name}`);
    const [stored] = await sql<{ maskAfterDays: number; eraseAfterDays: number }>(`SELECT "maskAfterDays", "eraseAfterDays" FROM "RetentionPolicy" WHERE "dataClass" = 'CLEARED_HIT'`);
    expect(stored).toEqual({ maskAfterDays: 90, eraseAfterDays: 1500 });
    const [event] = await sql<{ details: { old: unknown; new: unknown } }>(
      `SELECT details FROM "AccessEvent" WHERE operation = 'ALTERATION' AND "resourceType" = 'retention-policy' AND "actorLabel" = $1 ORDER BY seq DESC LIMIT 1`,
      [admin.email],
    );
    expect(event?.details.new).toEqual({ maskAfterDays: 90, eraseAfterDays: 1500 });

    // A dry run: pending, then its summary, and the runs table shows it first.
    await retention.dryRunButton.click();
    await expect(page.getByRole('heading', { name: 'Result of the dry run' })).toBeFocused({ timeout: 20_000 });
    await expect(retention.result).toContainText('nothing was changed');
    await expect(retention.runs.getByRole('row').nth(1)).toContainText('Dry run');
    await expect(retention.runs.getByRole('row').nth(1)).toContainText('Completed');
    const runs = await retention.runs.getByRole('row').count();

    // A real run asks first, saying it cannot be undone; cancelled, nothing runs.
    await retention.runNowButton.click();
    const confirm = page.getByRole('alertdialog', { name: 'Run retention now?' });
    await expect(confirm).toContainText('Erasure cannot be undone');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    await expect(retention.runs.getByRole('row')).toHaveCount(runs);
  } finally {
    // Other suites share the database: the seeded policy back.
    await sql(`UPDATE "RetentionPolicy" SET "maskAfterDays" = NULL, "eraseAfterDays" = 1826 WHERE "dataClass" = 'CLEARED_HIT'`);
  }
});

test('a privacy officer reads retention but can change nothing', async ({ page, loginAs }) => {
  await loginAs('privacy');
  const retention = new RetentionPage(page);
  const response = await retention.goto();
  expect(response?.status()).toBe(200);
  await expect(retention.policies.getByRole('row')).toHaveCount(5);
  await expect(retention.holds).toBeVisible();
  await expect(retention.runs).toBeVisible();
  await expect(page.getByText('You can read the policies; administrators change them.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Edit / })).toHaveCount(0);
  await expect(retention.dryRunButton).toHaveCount(0);
  await expect(retention.runNowButton).toHaveCount(0);
  // The server refuses what the page does not offer.
  // Same-origin, as the browser's own calls are, so that the permission (not the origin check) refuses.
  const headers = { Origin: new URL(page.url()).origin };
  const [policy] = (await (await page.request.get('/api/v1/retention/policies')).json()).items as { updatedAt: string }[];
  expect((await page.request.patch('/api/v1/retention/policies/TRAVELLER_IDENTIFYING', { headers, data: { maskAfterDays: 90, updatedAt: policy?.updatedAt } })).status()).toBe(403);
  expect((await page.request.post('/api/v1/retention/runs', { headers, data: { dryRun: true } })).status()).toBe(403);
});

test('an analyst is refused the retention page and its API', async ({ page, loginAs }) => {
  await loginAs('analyst');
  expect((await page.goto('/admin/retention'))?.status()).toBe(403);
  expect((await page.request.get('/api/v1/retention/policies')).status()).toBe(403);
  const headers = { Origin: new URL(page.url()).origin };
  expect((await page.request.post('/api/v1/retention/runs', { headers, data: { dryRun: true } })).status()).toBe(403);
});
