import { expect, test } from '../fixtures';

// Long jobs show progress while they run and a summary when they end: an export (records
// and bytes so far, then how many went into which file) and the access log's verification.

test('an export shows its progress and ends with a summary that matches the file', async ({ page, loginAs, sql }) => {
  await loginAs('privacy');
  const [person] = await sql<{ travellerId: string }>(`SELECT "travellerId" FROM "AccessEvent" WHERE "travellerId" IS NOT NULL ORDER BY seq DESC LIMIT 1`);
  await page.goto(`/access-log/person/${person!.travellerId}`);
  await expect(page.getByRole('heading', { name: 'Person report', level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');

  // Held back a moment, so the progress can be seen before the file is complete.
  await page.route('**/api/v1/access-log/person/*/export?format=csv', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  await expect(page.getByRole('progressbar', { name: 'Exporting…' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel export' })).toBeVisible();

  const file = await download;
  const text = Buffer.concat((await (await file.createReadStream()).toArray()) as Buffer[]).toString('utf8');
  // Records, not lines: a quoted field may hold a line break.
  const records = text.split('\r\n').filter((line) => /^\d+,/.test(line)).length;
  expect(records).toBeGreaterThan(0);
  const summary = page.getByRole('status').filter({ hasText: 'Exported' });
  await expect(summary).toHaveText(new RegExp(`^Exported ${records.toLocaleString('en-GB')} events? \\(.+\\) to ${file.suggestedFilename()} in \\d+ s\\.$`));
  await expect(page.getByRole('progressbar')).toHaveCount(0);
});

test('verifying the access log shows progress while it reads, then the result', async ({ page, loginAs }) => {
  await loginAs('privacy');
  await page.goto('/access-log');
  await page.waitForLoadState('networkidle');
  await page.route('**/api/v1/access-log/verify', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.getByRole('button', { name: 'Verify the chain' }).click();
  const progress = page.getByRole('progressbar', { name: /Verifying/ });
  await expect(progress).toBeVisible();
  await expect(page.locator('#verify-progress-figures')).toHaveText(/\d+ s so far/);
  // Once the server has started it: how far it has got, as a determinate bar.
  await expect(page.locator('#verify-progress-figures')).toHaveText(/^[\d,]+ of [\d,]+ events checked · \d+ s so far$/);
  await expect(progress).toHaveAttribute('max', /\d+/);
  await expect(page.locator('#verify-result')).toContainText(/Intact up to event \d+ .* events checked in/, { timeout: 30_000 });
  await expect(progress).toBeHidden();

  // The server ran it in the background: the result is still there on coming back, with who started it.
  await page.unroute('**/api/v1/access-log/verify');
  await page.reload();
  await expect(page.locator('#verify-result')).toContainText(/Intact up to event \d+/);
  await expect(page.locator('#verify-result')).toContainText(/Started by \S+ at .+, finished at .+\./);
});
