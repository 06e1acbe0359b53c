import path from 'node:path';
import { pageJsSizes } from '../scripts/bench/lib/page-js.mts';
import { axeInBothThemes } from './a11y/axe-check';
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

test('the tables are there before the charts: while the chart code loads, each chart keeps its place, described, and nothing moves when it arrives', async ({ page, loginAs }) => {
  // The page's deferred code, as the build report lists it (scripts/bench/lib/page-js.mts): held back until released.
  const deferred = new Set(pageJsSizes(path.resolve(__dirname, '..')).find((entry) => entry.route === '/metrics')?.deferred.files);
  expect(deferred.size, 'the build report lists deferred chunks for /metrics').toBeGreaterThan(0);
  await loginAs('supervisor');
  // The start page the sign-in led to has loaded all it loads.
  await page.waitForLoadState('networkidle');
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await page.route('**/_next/static/chunks/*.js', async (route) => {
    if (deferred.has(new URL(route.request().url()).pathname)) {
      held += 1;
      await released;
    }
    await route.continue();
  });
  // A script the page inserts holds back the load event: wait for the document only.
  await page.goto('/metrics', { waitUntil: 'domcontentloaded' });
  const metrics = new MetricsPage(page);
  const funnel = metrics.figure('Funnel over the period');
  const stages = metrics.table(/^Funnel over the period/);
  await expect(stages.getByRole('rowheader', { name: 'Travellers screened' })).toBeVisible();
  // Hydrated, the page asks for the chart code, which waits.
  await expect.poll(() => held, { timeout: 15_000 }).toBeGreaterThan(0);
  const placeholders = page.getByText('Loading the chart… The same numbers are in the table below.');
  await expect(placeholders).toHaveCount(9);
  await expect(funnel.getByText('Loading the chart…')).toBeVisible();
  await expect(page.getByRole('img', { name: /chart/ })).toHaveCount(0);
  // This state of the page has no axe violation either (issue 10), in both colour schemes.
  const problems = (await axeInBothThemes(page)).flatMap(({ theme, problems }) => problems.map((problem) => `[${theme}] ${problem}`));
  expect(problems).toEqual([]);
  const before = await stages.boundingBox();

  release();
  await expect(funnel.getByRole('img', { name: /Bar chart of the funnel over the period/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /chart/ })).toHaveCount(9);
  await expect(placeholders).toHaveCount(0);
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  // The chart filled the box its placeholder held: the table beneath did not move.
  expect(await stages.boundingBox()).toEqual(before);
});
