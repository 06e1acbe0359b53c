import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, APIResponse, Browser } from '@playwright/test';
import { isClusterRunning, startCluster } from '../../scripts/db/pg-ctl.mts';
import { expect, LoginPage, test } from '../fixtures';
import { dataDirectoryOf, Hold, whileDatabaseDown } from './database-faults';
import { apiContext, BASE_URL, clientAddress, Db, ingestHits, signIn, type StorageState } from './harness';

// Issue 9, attack suite part 6: the database restarted in the middle of a decision and of an
// import. A lock of the test's own holds the app's transaction at its last write (so
// everything before it is written, uncommitted), then PostgreSQL is stopped fast and started
// again under the running app. Expected: a clear 503 (not a 500, not a hang), nothing of the
// interrupted work stored, 503s while the database is away (pages say so too), and
// afterwards the app serves again by itself, the same request goes through, the access-log
// chainer resumes and the chain verifies.

const DATABASE_AWAY = 'The database is not reachable; try again in a moment.';

let db: Db;
let dataDir: string;
let analystState: StorageState;
let analyst: APIRequestContext;
let privacyOfficer: APIRequestContext;
let service: APIRequestContext;

test.beforeAll(async ({ browser, playwright }) => {
  test.setTimeout(90_000);
  db = await Db.connect();
  dataDir = await dataDirectoryOf(db);
  analystState = await signIn(browser, 'analyst');
  analyst = await apiContext(playwright, analystState);
  privacyOfficer = await apiContext(playwright, await signIn(browser, 'privacy'));
  service = await apiContext(playwright);
});

test.afterAll(async () => {
  // Whatever failed, the specs after this one need the database.
  if (dataDir && !isClusterRunning(dataDir)) await startCluster(dataDir);
  await Promise.all([analyst, privacyOfficer, service].map((context) => context?.dispose()));
  await db?.close();
});

/** Restarts the database around `whileDown`; the test's own connection is closed first (the restart would end it) and opened again after. */
async function restartDatabase(whileDown: () => Promise<void>): Promise<void> {
  await db.close();
  try {
    await whileDatabaseDown(dataDir, whileDown);
  } finally {
    db = await Db.connect();
  }
}

async function expectDatabaseAway(response: APIResponse, what: string): Promise<void> {
  expect(response.status(), `${what}: ${await response.text()}`).toBe(503);
  expect(response.headers()['retry-after'], what).toBe('5');
  expect(await response.json(), what).toEqual({ message: DATABASE_AWAY, requestId: response.headers()['x-request-id'] });
}

/** Events of a request in the log or still waiting to be linked, without linking them ourselves. */
async function eventsOf(requestId: string): Promise<{ linked: number; pending: number }> {
  const [row] = await db.query<{ linked: number; pending: number }>(
    `SELECT (SELECT count(*) FROM "AccessEvent" WHERE "requestId" = $1)::int AS linked, (SELECT count(*) FROM "AccessEventPending" WHERE "requestId" = $1)::int AS pending`,
    [requestId],
  );
  return row ?? { linked: 0, pending: 0 };
}

/** The app serves again without being restarted: a read of the session (user and session rows) goes through within a generous bound. */
async function expectAppRecovers(): Promise<void> {
  await expect.poll(async () => (await analyst.get('/api/v1/session')).status(), { timeout: 30_000, intervals: [250, 500, 1000] }).toBe(200);
}

/** Verification runs in the background: started (202), then polled until it has a result. */
async function expectChainIntact(): Promise<void> {
  const started = await privacyOfficer.post('/api/v1/access-log/verify');
  expect(started.status(), await started.text()).toBe(202);
  const { run } = (await started.json()) as { run: { id: string } };
  type Run = { id: string; status: string; result: { intact: boolean } | null };
  const latest = async (): Promise<Run | null> => ((await (await privacyOfficer.get('/api/v1/access-log/verify')).json()) as { run: Run | null }).run;
  await expect
    .poll(async () => {
      const now = await latest();
      return now?.id === run.id ? now.status : 'another run';
    }, { timeout: 30_000, intervals: [100, 250, 500, 1000] })
    .toBe('COMPLETED');
  expect((await latest())?.result?.intact).toBe(true);
}

/** While the database is away, a signed-in page and the sign-in form say so, with a reference. */
async function expectPagesSayDatabaseAway(browser: Browser): Promise<void> {
  const context = await browser.newContext({ baseURL: BASE_URL, storageState: analystState });
  try {
    const page = await context.newPage();
    const response = await page.goto('/hits');
    const alert = page.getByRole('alert').filter({ hasText: 'The database is not reachable' });
    await expect(alert).toBeVisible({ timeout: 15_000 });
    await expect(alert.getByTestId('request-id')).toHaveText(response?.headers()['x-request-id'] as string);
    await expect(alert).not.toContainText(/prisma|57P01|ECONNREFUSED/i);
  } finally {
    await context.close();
  }
  const anonymous = await browser.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { 'X-Forwarded-For': clientAddress() } });
  try {
    const page = await anonymous.newPage();
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn('analyst@proportio.test', 'not-the-password-at-all');
    await expect(page.locator('form').getByRole('alert')).toHaveText(DATABASE_AWAY, { timeout: 15_000 });
  } finally {
    await anonymous.close();
  }
}

test('a decision cut off by a restart: 503, nothing of it written, the same decision goes through afterwards', async ({ browser }) => {
  test.setTimeout(180_000);
  const [hitId] = await ingestHits(service, db, 1);
  const claimed = await analyst.post(`/api/v1/hits/${hitId}/claim`);
  expect(claimed.status()).toBe(200);
  const { version } = (await claimed.json()) as { version: number };
  const decision = { decision: 'clear', reason: 'DIFFERENT_NATIONALITY', version };

  // Clearing writes the hit, its history and the access event, then the suppression: hold the
  // suppression table, so the decision waits with everything else written but not committed.
  const hold = await Hold.take('LOCK TABLE "Suppression" IN SHARE MODE');
  const cut = analyst.post(`/api/v1/hits/${hitId}/decision`, { data: decision, timeout: 90_000 });
  expect(await hold.waiter(db)).toMatch(/"Suppression"/);

  let cutRequestId = '';
  await restartDatabase(async () => {
    const answer = await cut;
    await expectDatabaseAway(answer, 'the interrupted decision');
    cutRequestId = answer.headers()['x-request-id'] ?? '';
    await hold.end();
    await expectDatabaseAway(await analyst.get(`/api/v1/hits/${hitId}`), 'a read while the database is away');
    await expectDatabaseAway(await analyst.post(`/api/v1/hits/${hitId}/decision`, { data: decision }), 'a decision while the database is away');
    await expectPagesSayDatabaseAway(browser);
  });

  // Nothing of the interrupted decision: not the hit's change, its history, its suppression, its access event.
  const [hit] = await db.query<{ status: string; version: number }>(`SELECT status::text, version FROM "Hit" WHERE id = $1`, [hitId]);
  expect(hit).toEqual({ status: 'IN_REVIEW', version });
  expect(await db.query(`SELECT 1 FROM "HitEvent" WHERE "hitId" = $1 AND type = 'CLEARED'`, [hitId])).toHaveLength(0);
  expect(await db.query(`SELECT 1 FROM "Suppression" WHERE "originHitId" = $1`, [hitId])).toHaveLength(0);
  expect(await eventsOf(cutRequestId)).toEqual({ linked: 0, pending: 0 });

  await expectAppRecovers();
  const decided = await analyst.post(`/api/v1/hits/${hitId}/decision`, { data: decision });
  expect(decided.status(), await decided.text()).toBe(200);
  expect(((await decided.json()) as { status: string }).status).toBe('CLEARED');
  // The server's own chainer links the new events (this test never links them itself).
  const decidedRequestId = decided.headers()['x-request-id'] ?? '';
  await expect.poll(async () => eventsOf(decidedRequestId).then(({ linked, pending }) => `${linked > 0 ? 'linked' : 'none linked'}, ${pending} pending`), { timeout: 30_000 }).toBe('linked, 0 pending');
  await expectChainIntact();
});

test('an SDN import cut off by a restart: 503, no entry of it stored, the retry with the same key imports once', async () => {
  test.setTimeout(180_000);
  const code = `FAULTS-${randomBytes(4).toString('hex').toUpperCase()}`;
  await db.query(`INSERT INTO "WatchlistSource" (id, code, name, "defaultLegalBasis") VALUES (gen_random_uuid(), $1, 'Fault test list', 'Test basis')`, [code]);
  const { secret } = await db.createToken(['watchlists:write'], 'faults import');
  const csv = readFileSync(path.resolve(process.cwd(), 'prisma/data/ofac-sdn-2024-05-03/sdn.csv'), 'utf8').split(/\r?\n/).slice(0, 3).join('\r\n');
  const headers = { Authorization: `Bearer ${secret}`, 'Content-Type': 'text/csv', 'Idempotency-Key': `faults-${code}` };
  const importFile = (timeout = 30_000) => service.post(`/api/v1/watchlists/${code}/import`, { headers, data: csv, timeout });

  // The import writes its entries, then stamps the list's last import: hold the list's row
  // (FOR NO KEY UPDATE lets the entries' foreign keys through), so the import waits there.
  const hold = await Hold.take(`SELECT 1 FROM "WatchlistSource" WHERE code = $1 FOR NO KEY UPDATE`, [code]);
  const cut = importFile(90_000);
  expect(await hold.waiter(db)).toMatch(/UPDATE .*"WatchlistSource"/);

  let cutRequestId = '';
  await restartDatabase(async () => {
    const answer = await cut;
    await expectDatabaseAway(answer, 'the interrupted import');
    cutRequestId = answer.headers()['x-request-id'] ?? '';
    await hold.end();
    await expectDatabaseAway(await importFile(), 'an import while the database is away');
  });

  // Nothing of it: no entry, no stamp, no idempotency record (a retry must run afresh), no event.
  const [list] = await db.query<{ entries: number; lastImportedAt: Date | null; keys: number }>(
    `SELECT (SELECT count(*) FROM "WatchlistEntry" e WHERE e."sourceId" = s.id)::int AS entries, s."lastImportedAt",
            (SELECT count(*) FROM "IdempotencyKey" WHERE key = $2)::int AS keys
     FROM "WatchlistSource" s WHERE s.code = $1`,
    [code, headers['Idempotency-Key']],
  );
  expect(list).toEqual({ entries: 0, lastImportedAt: null, keys: 0 });
  expect(await eventsOf(cutRequestId)).toEqual({ linked: 0, pending: 0 });

  await expectAppRecovers();
  const retried = await importFile();
  expect(retried.status(), await retried.text()).toBe(200);
  expect(retried.headers()['idempotent-replayed']).toBeUndefined();
  expect(((await retried.json()) as { created: number }).created).toBe(3);
  const [after] = await db.query<{ entries: number }>(`SELECT count(*)::int AS entries FROM "WatchlistEntry" e JOIN "WatchlistSource" s ON s.id = e."sourceId" WHERE s.code = $1`, [code]);
  expect(after?.entries).toBe(3);
  await expectChainIntact();
  // The list served its purpose; other specs screen against the active lists.
  await db.query(`UPDATE "WatchlistSource" SET active = false WHERE code = $1`, [code]);
});
