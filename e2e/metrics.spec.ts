import { demoUser, expect, test } from './fixtures';
import { MetricsPage } from './pages/metrics';

test('a supervisor reads the funnel and its table, changes the period and downloads the funnel as CSV', async ({ page, loginAs }) => {
  await loginAs('supervisor');
  const metrics = new MetricsPage(page);
  await metrics.goto();
  // The seed's last 30 days: the chart, described as an image, and its numbers as a table.
  const funnel = metrics.figure('Funnel over the period');
  await expect(funnel.getByRole('img', { name: /Bar chart of the funnel over the period/ })).toBeVisible();
  const stages = metrics.table(/^Funnel over the period/);
  await expect(stages.getByRole('rowheader', { name: 'Travellers screened' })).toBeVisible();
  const hits = Number((await metrics.cell(stages, 'Hits', 0).innerText()).replaceAll(',', ''));
  expect(hits).toBeGreaterThan(0);
  await expect(metrics.table('Funnel per day')).toBeVisible();

  // The form is React's once the page has hydrated; a click earlier would be lost.
  await page.waitForLoadState('networkidle');
  await metrics.preset('Last 12 months');
  await expect(page).toHaveURL(/granularity=month/);
  await expect(metrics.table('Funnel per month')).toBeVisible();
  // A longer period holds at least the hits of the shorter one.
  const yearHits = Number((await metrics.cell(stages, 'Hits', 0).innerText()).replaceAll(',', ''));
  expect(yearHits).toBeGreaterThanOrEqual(hits);

  const csv = (await metrics.downloadCsv('Funnel over the period')).trim().split('\r\n');
  expect(csv[0]).toMatch(/^bucket,screened,hits,reviewed,cleared,confirmed,/);
  const total = csv.find((line) => line.startsWith('total,'))?.split(',');
  expect(Number(total?.[2])).toBe(yearHits);
});

test('a supervisor sees a bad period named and the default shown instead', async ({ page, loginAs }) => {
  await loginAs('supervisor');
  const metrics = new MetricsPage(page);
  await metrics.goto('?from=2026-11-30&to=2026-11-01');
  await expect(page.getByText(/The period ends before it starts.*Showing the last 30 days instead\./)).toBeVisible();
  const api = await page.request.get('/api/v1/metrics?from=2026-11-30&to=2026-11-01');
  expect(api.status()).toBe(400);
  expect((await api.json()).message).toMatch(/ends before it starts/);
});

test('an analyst can reach neither the metrics page nor its API, and each refusal is recorded', async ({ page, loginAs, sql }) => {
  await loginAs('analyst');
  const response = await page.goto('/metrics');
  expect(response?.status()).toBe(403);
  expect((await page.request.get('/api/v1/metrics?from=2026-11-01&to=2026-11-30')).status()).toBe(403);
  expect((await page.request.get('/api/v1/metrics/export?chart=funnel&from=2026-11-01&to=2026-11-30')).status()).toBe(403);
  expect((await page.request.get('/api/v1/metrics/pnr-statistics?from=2026-11-01&to=2026-11-30')).status()).toBe(403);
  const denied = await sql(
    `SELECT "resourceType" FROM "AccessEvent" WHERE operation = 'DENIED' AND "actorLabel" = $1 AND ("resourceType" IN ('metrics', 'metrics-export') OR "resourceId" = '/metrics')`,
    [demoUser('analyst').email],
  );
  expect(denied.length).toBeGreaterThanOrEqual(4);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Metrics' })).toHaveCount(0);
});

test('a privacy officer reads the funnel and the retention panel, and exports the retention figures as CSV', async ({ page, loginAs, sql }) => {
  await loginAs('privacy');
  const metrics = new MetricsPage(page);
  await metrics.goto();
  await expect(metrics.figure('Funnel over the period').getByRole('img', { name: /Bar chart of the funnel/ })).toBeVisible();

  const retention = page.getByRole('region', { name: 'Retention, now' });
  await expect(retention).toBeVisible();
  // The seed's data are days old: nothing is due, and the panel says the goal is met in words.
  await expect(retention.getByText('Masking overdue')).toBeVisible();
  await expect(retention).toContainText('On target (goal: 0).');

  const ages = metrics.table('Travellers by age since collection');
  await expect(ages).toBeVisible();
  const csv = (await metrics.downloadCsv('Travellers by age since collection')).trim().split('\r\n');
  const [counted] = await sql<{ n: string }>(`SELECT count(*)::text AS n FROM "Traveller"`);
  const cells = csv.slice(1).map((line) => line.split(','));
  const fromCsv = cells.filter((row) => row[0] !== 'total').reduce((sum, row) => sum + Number(row[1]) + Number(row[2]), 0);
  expect(fromCsv).toBe(Number(counted?.n));
});
