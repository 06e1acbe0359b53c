import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { ApiTokensPage, WatchlistsPage } from './pages/admin';

// The administrator's screens of issue 7: API tokens (secret shown once, revocation that
// bites at once) and the OFAC sdn.csv import with its progress and per-row report.

// Located as the seed and the parser's tests locate it.
const SDN_PATH = path.resolve(process.cwd(), 'prisma/data/ofac-sdn-2024-05-03/sdn.csv');
const SECRET = /^ppt_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/;

test('the administrator creates a token, sees its secret once, and revokes it', async ({ page, loginAs, request, sql }) => {
  await loginAs('admin');
  const tokens = new ApiTokensPage(page);
  await tokens.goto();

  // An empty form is refused field by field, focus on the first field in error.
  const form = await tokens.openCreate();
  await form.getByRole('button', { name: 'Create token' }).click();
  await expect(form.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await expect(form.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('group', { name: 'Scopes' })).toContainText('Choose at least one scope.');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(tokens.createButton).toBeFocused();

  const name = `e2e gateway ${randomBytes(4).toString('hex')}`;
  const { dialog, secret } = await tokens.create(name, ['hits:write']);
  expect(secret).toMatch(SECRET);
  await expect(dialog).toContainText('will not be shown again');
  const [stored] = await sql<{ tokenHash: string; prefix: string; scopes: string[] }>(`SELECT "tokenHash", prefix, scopes FROM "ApiToken" WHERE name = $1`, [name]);
  expect(stored?.tokenHash).toBe(createHash('sha256').update(secret).digest('hex'));
  expect(secret.startsWith(`ppt_${stored?.prefix}_`)).toBe(true);
  expect(stored?.scopes).toEqual(['hits:write']);

  // The token works, within its scope only: reading a batch needs batches:read.
  const auth = { Authorization: `Bearer ${secret}` };
  expect((await request.get(`/api/v1/screenings/${randomUUID()}`, { headers: auth })).status()).toBe(403);

  await dialog.getByRole('button', { name: /^Done/ }).click();
  await expect(dialog).toBeHidden();
  await expect(tokens.createButton).toBeFocused();
  expect(await page.content()).not.toContain(secret);
  const row = tokens.row(name);
  await expect(row).toContainText(`ppt_${stored?.prefix}_…`);
  await expect(row).toContainText('Active');

  await tokens.revoke(name);
  await expect(page.getByText(`API token “${name}” revoked`)).toBeVisible();
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: `Revoke ${name}` })).toHaveCount(0);
  expect((await request.get(`/api/v1/screenings/${randomUUID()}`, { headers: auth })).status()).toBe(401);

  await page.reload();
  await expect(tokens.row(name)).toContainText('Revoked');
  // Everything after "ppt_<prefix>_": the random part may itself contain underscores.
  const secretPart = secret.split('_').slice(2).join('_');
  expect(secretPart.length).toBe(43);
  expect(await page.content()).not.toContain(secretPart);
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(storage).not.toContain(secretPart);
});

test('the administrator imports OFAC’s sdn.csv and sees its progress and a summary', async ({ page, loginAs, sql }) => {
  const rows = readFileSync(SDN_PATH, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.replace(/\x1A/g, '').trim() !== '').length;
  await loginAs('admin');
  const watchlists = new WatchlistsPage(page);
  await watchlists.goto();
  const dialog = await watchlists.openImport('OFAC-SDN');
  await watchlists.startImport(dialog, SDN_PATH);

  // The upload's bar stays while the server imports (a few seconds for the whole list).
  await expect(dialog.getByRole('progressbar', { name: 'Upload' })).toBeVisible();
  await expect(dialog.getByRole('status')).toContainText(`${rows.toLocaleString('en-GB')} rows read`, { timeout: 20_000 });
  await expect(dialog.getByRole('heading', { name: /^Result of importing sdn\.csv into OFAC-SDN/ })).toBeFocused();
  await expect(dialog.getByRole('progressbar')).toHaveCount(0);
  await expect(dialog.getByRole('table', { name: /Rows not imported/ })).toHaveCount(0);

  const [source] = await sql<{ fresh: boolean }>(`SELECT "lastImportedAt" > now() - interval '1 minute' AS fresh FROM "WatchlistSource" WHERE code = 'OFAC-SDN'`);
  expect(source?.fresh).toBe(true);
});

test('a row of the file that cannot be read is reported with its line number', async ({ page, loginAs }, testInfo) => {
  const lines = readFileSync(SDN_PATH, 'utf8').split(/\r?\n/);
  // Two rows copied from the real file, then one with 3 fields instead of 12, on line 3.
  const file = testInfo.outputPath('malformed-sdn.csv');
  writeFileSync(file, [lines[0], lines[1], '99999999,"PROPORTIO E2E BROKEN ROW",-0- ', ''].join('\r\n'));

  await loginAs('admin');
  const watchlists = new WatchlistsPage(page);
  await watchlists.goto();
  const dialog = await watchlists.openImport('OFAC-SDN');
  await watchlists.startImport(dialog, file);

  await expect(dialog.getByRole('status')).toContainText('2 rows read', { timeout: 15_000 });
  const rejected = dialog.getByRole('table', { name: /Rows not imported/ });
  await expect(rejected.getByRole('rowheader', { name: '3', exact: true })).toBeVisible();
  await expect(rejected).toContainText('expected 12 fields, found 3');
  // A file with a bad row says nothing about who is no longer listed.
  await expect(dialog).toContainText('Not applied: 1 row could not be read');
});

test('the administrator sets a list’s match threshold; a value out of range is refused at its field', async ({ page, loginAs, sql }) => {
  await loginAs('admin');
  const watchlists = new WatchlistsPage(page);
  await watchlists.goto();
  let dialog = await watchlists.openThreshold('SIS-LIKE');
  const field = dialog.getByLabel('Minimum score');
  await field.fill('1.5');
  await dialog.getByRole('button', { name: 'Save threshold' }).click();
  await expect(field).toHaveAccessibleDescription(/At most 0\.99/);
  await expect(field).toBeFocused();
  await field.fill('0.8');
  await dialog.getByRole('button', { name: 'Save threshold' }).click();
  await expect(dialog).toBeHidden();
  const row = watchlists.table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'SIS-LIKE' }) });
  await expect(row).toContainText('0.80');
  const [stored] = await sql<{ matchThreshold: number }>(`SELECT "matchThreshold" FROM "WatchlistSource" WHERE code = 'SIS-LIKE'`);
  expect(stored?.matchThreshold).toBe(0.8);

  // Back to the engine's default: the field left empty.
  dialog = await watchlists.openThreshold('SIS-LIKE');
  await dialog.getByLabel('Minimum score').fill('');
  await dialog.getByRole('button', { name: 'Save threshold' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('engine default');
});

test('an analyst is refused the administration screens and the token API', async ({ page, loginAs }) => {
  await loginAs('analyst');
  for (const path of ['/admin/api-tokens', '/admin/watchlists']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: /not allowed/i })).toBeVisible();
  }
  expect((await page.request.get('/api/v1/api-tokens')).status()).toBe(403);
});

test('any signed-in user reads the API reference, nested body fields included', async ({ page, loginAs }) => {
  await loginAs('analyst');
  const response = await page.goto('/api-docs');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'API reference', level: 1 })).toBeVisible();
  const screening = page.getByRole('region', { name: /POST \/api\/v1\/screenings — Screen a batch of travellers/ });
  await expect(screening).toContainText('travellers:write');
  await expect(screening.getByRole('rowheader', { name: 'travellers[].itinerary[].from', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: '/api/v1/openapi.json' })).toBeVisible();
});
