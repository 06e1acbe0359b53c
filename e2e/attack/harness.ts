import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { expect, type APIRequestContext, type APIResponse, type Browser, type PlaywrightWorkerArgs } from '@playwright/test';
import pg from 'pg';
import { demoUser, expectSignedIn, LoginPage, type RoleKey } from '../fixtures';

// Request-level helpers for the attack suite: sessions made once per user through the login
// form (as loginAs does) and reused as storage state, a database client of the suite's own,
// and the access events of a request found by its X-Request-Id.

export const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
export const ORIGIN = new URL(BASE_URL).origin;

/** CVE-2025-29927: the header that made Next.js skip middleware; both names the check has used. */
export const MIDDLEWARE_SUBREQUEST = 'middleware:middleware:middleware:middleware:middleware:proxy:proxy:proxy:proxy:proxy';

/** A fresh documentation address (RFC 5737) per context, so login throttling by address never touches the shared one. */
export function clientAddress(): string {
  return `198.51.${1 + (randomBytes(1)[0] as number) % 250}.${1 + (randomBytes(1)[0] as number) % 250}`;
}

export type StorageState = Awaited<ReturnType<Awaited<ReturnType<Browser['newContext']>>['storageState']>>;

/** Signs in through the login form (the loginAs fixture's way) and keeps the cookies. */
export async function signIn(browser: Browser, key: RoleKey): Promise<StorageState> {
  const user = demoUser(key);
  const context = await browser.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { 'X-Forwarded-For': clientAddress() } });
  try {
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(user.email, user.password);
    await expectSignedIn(page, { timeout: 20_000 });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** A request context with a session (or none), our Origin on every request and an address of its own. */
export async function apiContext(playwright: PlaywrightWorkerArgs['playwright'], state?: StorageState, headers: Record<string, string> = {}): Promise<APIRequestContext> {
  return playwright.request.newContext({
    baseURL: BASE_URL,
    storageState: state,
    extraHTTPHeaders: { Origin: ORIGIN, 'X-Forwarded-For': clientAddress(), ...headers },
  });
}

export class Db {
  private constructor(private readonly client: pg.Client) {}

  static async connect(): Promise<Db> {
    const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
    await client.connect();
    return new Db(client);
  }

  async query<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]> {
    return (await this.client.query<T>(text, values)).rows;
  }

  /** Access events (linked or still pending) of these requests, by request id. */
  async eventsOf(requestIds: string[]): Promise<Map<string, { operation: string; outcome: string; details: Record<string, unknown> }[]>> {
    await this.client.query('SELECT chain_access_events()');
    const rows = await this.query<{ requestId: string; operation: string; outcome: string; details: Record<string, unknown> }>(
      `SELECT "requestId", operation::text, outcome::text, details FROM "AccessEvent" WHERE "requestId" = ANY($1)
       UNION ALL SELECT "requestId", operation::text, outcome::text, details FROM "AccessEventPending" WHERE "requestId" = ANY($1)`,
      [requestIds],
    );
    const byRequest = new Map<string, { operation: string; outcome: string; details: Record<string, unknown> }[]>();
    for (const row of rows) byRequest.set(row.requestId, [...(byRequest.get(row.requestId) ?? []), row]);
    return byRequest;
  }

  /** An API token as the administrator's action stores it (the hash only); answers the secret. */
  async createToken(scopes: string[], name = `attack ${scopes.join('+')}`): Promise<{ id: string; secret: string; label: string }> {
    const prefix = randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').slice(0, 8);
    const secret = `ppt_${prefix}_${randomBytes(32).toString('base64url')}`;
    const id = randomUUID();
    await this.query(
      `INSERT INTO "ApiToken" (id, name, "tokenHash", prefix, scopes, "expiresAt") VALUES ($1, $2, $3, $4, $5, now() + interval '1 day')`,
      [id, name, createHash('sha256').update(secret).digest('hex'), prefix, scopes],
    );
    return { id, secret, label: `token ${name} (${prefix})` };
  }

  /** A finished retention run to aim requests at, dated long ago so no page shows it as the latest run. */
  async finishedRetentionRun(): Promise<string> {
    const [run] = await this.query<{ id: string }>(
      `INSERT INTO "RetentionRun" (id, "startedAt", "finishedAt", "dryRun", status, "startedBy") VALUES ($1, '2020-01-01T00:00:00Z', '2020-01-01T00:01:00Z', false, 'COMPLETED', 'attack suite') RETURNING id`,
      [randomUUID()],
    );
    return run?.id as string;
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/** Runs tasks with at most `limit` in flight. */
export async function pool<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await run(items[index] as T);
      }
    }),
  );
  return results;
}

export async function jsonOf(response: APIResponse): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/**
 * Fresh open hits of the suite's own, submitted as an external engine would (hits:write),
 * so the suite never takes hits other specs count on.
 */
export async function ingestHits(context: APIRequestContext, db: Db, count: number): Promise<string[]> {
  const [entry] = await db.query<{ code: string; externalId: string }>(
    `SELECT s.code, e."externalId" FROM "WatchlistEntry" e JOIN "WatchlistSource" s ON s.id = e."sourceId" WHERE s.active ORDER BY e."externalId" LIMIT 1`,
  );
  if (!entry) throw new Error('no watchlist entry in the e2e data');
  const { secret } = await db.createToken(['hits:write'], 'attack fixtures');
  const tag = () => randomBytes(4).toString('hex').replace(/\d/g, (digit) => 'QWXZKJVBYP'[Number(digit)] as string).toUpperCase();
  const hits = Array.from({ length: count }, () => ({
    traveller: {
      externalRef: `attack-${randomUUID().slice(0, 8)}`,
      familyName: `ATTACK${tag()}`,
      givenNames: `PROBE ${tag()}`,
      dateOfBirth: '1970-01-01',
      nationality: 'DEU',
      flightNumber: 'LH400',
      flightDate: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
      departureAirport: 'FRA',
      arrivalAirport: 'JFK',
    },
    entry: { source: entry.code, externalId: entry.externalId },
    score: 0.9,
  }));
  const response = await context.post('/api/v1/hits', { headers: { Authorization: `Bearer ${secret}` }, data: { hits } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { hits: { id: string }[] }).hits.map((hit) => hit.id);
}

/**
 * Fresh hits (ingestHits) made the most urgent of the queue, due before any other and in the
 * order returned, so the queue's first rows and "next hit" are these and no hit another spec
 * counts on, however many hits the specs before have taken.
 */
export async function ingestUrgentHits(playwright: PlaywrightWorkerArgs['playwright'], count: number): Promise<string[]> {
  const db = await Db.connect();
  try {
    const api = await apiContext(playwright);
    const ids = await ingestHits(api, db, count).finally(() => api.dispose());
    await db.query(
      `UPDATE "Hit" h SET "dueAt" = (SELECT min("dueAt") FROM "Hit") - (cardinality($1::uuid[]) - x.k + 1) * interval '1 minute'
       FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, k) WHERE h.id = x.id`,
      [ids],
    );
    return ids;
  } finally {
    await db.close();
  }
}
