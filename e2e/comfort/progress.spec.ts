import { Db } from '../attack/harness';
import type { Page } from '@playwright/test';
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

/**
 * Opens /admin/retention with the retention policies locked by another session: a run started
 * now waits on them, where the page can be seen following it, until `release()` — which first
 * runs `before` in the locking transaction, if given.
 */
async function retentionWithPoliciesHeld(page: Page): Promise<{ release: (before?: string) => Promise<void> }> {
  await page.goto('/admin/retention');
  await expect(page.getByRole('heading', { name: 'Retention', level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const blocker = await Db.connect();
  await blocker.query('BEGIN');
  await blocker.query('LOCK TABLE "RetentionPolicy" IN ACCESS EXCLUSIVE MODE');
  let held = true;
  return {
    release: async (before) => {
      if (!held) return;
      held = false;
      try {
        if (before) await blocker.query(before);
        await blocker.query('COMMIT');
      } finally {
        await blocker.close();
      }
    },
  };
}

test('a retention run started by hand goes on in the background: the page follows it, then shows its result', async ({ page, loginAs }) => {
  const admin = await loginAs('admin');
  const policies = await retentionWithPoliciesHeld(page);
  try {
    await page.getByRole('button', { name: 'Dry run', exact: true }).click();
    // The request has answered (the run is the server's now): progress from the run's row.
    const progress = page.getByRole('progressbar', { name: 'Dry run in progress' });
    await expect(progress).toBeVisible();
    await expect(page.locator('#retention-run-progress-figures')).toHaveText(/^counting what a run would mask and erase · \d+ s so far$/);
    await expect(page.getByRole('status').filter({ hasText: `Dry run in progress (started by ${admin.email})` })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Dry run', exact: true })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Run now', exact: true })).toBeDisabled();
    await expect(page.getByRole('table', { name: 'Retention runs' }).getByRole('row').nth(1)).toContainText('Running');
    await policies.release();
    await expect(page.getByRole('heading', { name: 'Result of the dry run' })).toBeFocused({ timeout: 20_000 });
    await expect(progress).toBeHidden();
  } finally {
    await policies.release();
  }
  const latest = page.getByRole('table', { name: 'Retention runs' }).getByRole('row').nth(1);
  await expect(latest).toContainText('Completed');
  await expect(latest).toContainText(admin.email);
  await expect(page.getByRole('button', { name: 'Dry run', exact: true })).toBeEnabled();
});

test('a retention run started elsewhere shows up on an open page without a reload, and the page follows it', async ({ page, loginAs }) => {
  await loginAs('admin');
  const policies = await retentionWithPoliciesHeld(page);
  try {
    // Started through the API, as the schedule or another administrator would: this page did not start it.
    const started = await page.request.post('/api/v1/retention/runs', { data: { dryRun: true }, headers: { origin: new URL(page.url()).origin } });
    expect(started.status()).toBe(202);
    await expect(page.getByRole('progressbar', { name: 'Dry run in progress' })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('button', { name: 'Dry run', exact: true })).toBeDisabled();
    await expect(page.getByRole('table', { name: 'Retention runs' }).getByRole('row').nth(1)).toContainText('Running');
  } finally {
    await policies.release();
  }
  await expect(page.getByRole('table', { name: 'Retention runs' }).getByRole('row').nth(1)).toContainText('Completed', { timeout: 10_000 });
  await expect(page.getByRole('button', { name: 'Dry run', exact: true })).toBeEnabled();
});

test('an administrator stops a retention run in progress: it ends stopped before its first batch, nothing masked or erased', async ({ page, loginAs }) => {
  const admin = await loginAs('admin');
  // Stopped before any batch: a real run must not mask or erase what other suites read.
  const policies = await retentionWithPoliciesHeld(page);
  try {
    await page.getByRole('button', { name: 'Run now', exact: true }).click();
    await page.getByRole('alertdialog', { name: 'Run retention now?' }).getByRole('button', { name: 'Mask and erase now' }).click();
    await expect(page.getByRole('progressbar', { name: 'Retention run in progress' })).toBeVisible();
    await page.getByRole('button', { name: 'Stop after this batch' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Stopping after the current batch (asked by ${admin.email})` })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Stop after this batch' })).toHaveCount(0);
  } finally {
    // Whatever happened above, the run stops before its first batch.
    await policies.release(`UPDATE "RetentionRun" SET "stopRequestedAt" = coalesce("stopRequestedAt", now()) WHERE status = 'RUNNING' AND NOT "dryRun"`);
  }
  const result = page.getByRole('region', { name: 'The retention run was stopped' });
  await expect(page.getByRole('heading', { name: 'The retention run was stopped' })).toBeFocused({ timeout: 20_000 });
  await expect(result).toContainText(`stopped by ${admin.email}`);
  await expect(result).toContainText('masked 0 travellers, erased 0');
  await expect(page.getByRole('table', { name: 'Retention runs' }).getByRole('row').nth(1)).toContainText('Stopped');
});
