import { demoUser, expect, test } from './fixtures';

test('the privacy officer finds a person by booking reference, opens the report and exports it', async ({ page, loginAs, sql }) => {
  // A person the log knows about (at least the collection of their data).
  const [person] = await sql<{ travellerId: string; bookingReference: string }>(
    `SELECT e."travellerId", t."bookingReference" FROM "AccessEvent" e JOIN "Traveller" t ON t.id = e."travellerId"
      WHERE t."bookingReference" IS NOT NULL ORDER BY e.seq DESC LIMIT 1`,
  );
  expect(person).toBeTruthy();
  const officer = await loginAs('privacy');
  await page.goto('/access-log');
  // The form is React's once the page has hydrated; typing earlier would be lost.
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Booking reference').fill(person!.bookingReference);
  await expect(page.getByLabel('Booking reference')).toHaveValue(person!.bookingReference);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/bookingReference=/);
  await expect(page.getByRole('table', { name: 'Access events' }).locator('tbody tr[data-seq]').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Access events' }).getByRole('columnheader', { name: 'Person' })).toBeVisible();

  await page.getByRole('link', { name: 'Report', exact: true }).first().click();
  await expect(page.getByRole('heading', { name: 'Person report', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/access-log/person/${person!.travellerId}$`));
  // Every event in the report is about this person: no column repeats them (the search's table has one).
  const reportTable = page.getByRole('table', { name: "Everything that happened to this person's data" });
  await expect(reportTable.getByRole('columnheader', { name: 'Operation' })).toBeVisible();
  await expect(reportTable.getByRole('columnheader', { name: 'Person' })).toHaveCount(0);
  const [{ count } = { count: '0' }] = await sql<{ count: string }>(`SELECT count(*)::text FROM "AccessEvent" WHERE "travellerId" = $1`, [person!.travellerId]);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  const lines = Buffer.concat(text as Buffer[]).toString('utf8').trim().split('\r\n');
  expect(lines[0]).toMatch(/^seq,at,actorType/);
  // Every event about the person up to the export, the export's own record included.
  expect(lines.length - 1).toBeGreaterThanOrEqual(Number(count));
  const exports = await sql(`SELECT 1 FROM "AccessEvent" WHERE "resourceType" = 'access-log-export' AND "actorLabel" = $1`, [officer.email]);
  expect(exports.length).toBeGreaterThan(0);
});

test('an analyst can reach neither the access log page nor its API', async ({ page, loginAs, sql }) => {
  await loginAs('analyst');
  const response = await page.goto('/access-log');
  expect(response?.status()).toBe(403);
  const api = await page.request.get('/api/v1/access-log');
  expect(api.status()).toBe(403);
  const exported = await page.request.get('/api/v1/access-log/export?format=csv');
  expect(exported.status()).toBe(403);
  const denied = await sql(`SELECT 1 FROM "AccessEvent" WHERE operation = 'DENIED' AND "actorLabel" = $1 AND "resourceType" IN ('access-log', 'access-log-export')`, [
    demoUser('analyst').email,
  ]);
  expect(denied.length).toBeGreaterThanOrEqual(2);
});
