import { randomBytes, randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { expect, type APIRequestContext, type APIResponse, type Browser, type PlaywrightWorkerArgs } from '@playwright/test';
import { demoUser, expectSignedIn, LoginPage, type RoleKey } from '../fixtures';
import { apiContext, BASE_URL, clientAddress, Db, ingestHits, pool, signIn, type StorageState } from './harness';
import type { TokenScope } from './permission-table';
import type { Objects, ObjectKind } from './route-manifest';

// The objects the fuzz suite (fuzz.spec.ts) sends its requests against, made once per run and
// its own, so what the fuzzer changes — a hit decided, an escalation approved, a user's role —
// is nobody else's: a claimed hit per hit route, escalations to decide, withdraw and package,
// a user and a token to administer, a watchlist of its own (last by code, inactive afterwards,
// so no other suite screens against or picks it) and a user of its own for the account routes,
// whose password and second factor the fuzzer may wear out.

export const ROLE_KEYS = ['analyst', 'supervisor', 'privacy', 'admin'] as const satisfies readonly RoleKey[];
export type FuzzRole = (typeof ROLE_KEYS)[number];
export const FUZZ_SOURCE = 'ZZ-FUZZ';
export const FUZZ_ENTRY = 'FUZZ-0001';
const HIT_ROUTES = 10;

export interface FuzzWorld {
  sessions: Record<FuzzRole | 'own', StorageState>;
  tokens: Record<TokenScope, string>;
  /** Claimed by the analyst, one per hit route, so one route's decision does not close another's. */
  hits: string[];
  /** Requested by the analyst: one for the supervisor to decide, one to withdraw, one approved (its package). */
  escalations: { decide: string; withdraw: string; package: string };
  objects: Record<Exclude<ObjectKind, 'hit' | 'escalation' | 'package'>, string>;
  shared: Omit<Objects, 'id'>;
}

const JUSTIFICATION = 'Fuzz suite fixture: the objective facts and the necessity, stated at enough length.';
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

async function ok(response: APIResponse, status: number, what: string): Promise<Record<string, unknown>> {
  expect(response.status(), `${what}: ${await response.text()}`).toBe(status);
  return (await response.json()) as Record<string, unknown>;
}

/** A user of the suite's own, stored as the app stores one, signed in through the form. */
async function ownUser(browser: Browser, db: Db): Promise<StorageState> {
  const email = `fuzz-${randomUUID().slice(0, 8)}@proportio.test`;
  const password = `fuzz ${randomBytes(12).toString('base64url')}`;
  await db.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, unit, "updatedAt") VALUES ($1, $2, 'Fuzz Own', $3, 'ANALYST', 'Fuzz suite', now())`,
    [randomUUID(), email, await hash(password, ARGON2ID)],
  );
  const context = await browser.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { 'X-Forwarded-For': clientAddress() } });
  try {
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(email, password);
    await expectSignedIn(page, { timeout: 20_000 });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

export async function makeFuzzWorld(browser: Browser, playwright: PlaywrightWorkerArgs['playwright'], db: Db): Promise<FuzzWorld> {
  // Two sign-ins at a time: each hashes with argon2id, and the machine has two cores.
  const states = await pool(ROLE_KEYS, 2, (key) => signIn(browser, key));
  const sessions = Object.fromEntries(ROLE_KEYS.map((key, index) => [key, states[index]])) as Record<FuzzRole, StorageState>;
  const own = await ownUser(browser, db);
  const contexts = await Promise.all(ROLE_KEYS.map((key) => apiContext(playwright, sessions[key])));
  const [analyst, supervisor, , admin] = contexts as [APIRequestContext, APIRequestContext, APIRequestContext, APIRequestContext];
  try {
    const [otherHit, ...fresh] = await ingestHits(admin, db, HIT_ROUTES + 3 + 1);
    const claim = async (hitId: string) => (await ok(await analyst.post(`/api/v1/hits/${hitId}/claim`), 200, 'claim')).version as number;
    const [recipient] = await db.query<{ id: string }>(`SELECT id FROM "RecipientAuthority" WHERE active ORDER BY name LIMIT 1`);
    const escalate = async (hitId: string) => {
      const data = { legalBasis: 'PNR_6_2_A', offenceCategory: 'terrorism', objectiveFacts: JUSTIFICATION, necessity: JUSTIFICATION, dataCategories: ['PASSPORT'], recipientId: recipient?.id, urgency: 'ROUTINE', hitVersion: await claim(hitId) };
      return (await ok(await analyst.post(`/api/v1/hits/${hitId}/escalations`, { data }), 201, 'escalation request')).id as string;
    };
    const hits = fresh.slice(0, HIT_ROUTES);
    for (const hit of hits) await claim(hit);
    const [decide, withdraw, packaged] = [await escalate(fresh[HIT_ROUTES] as string), await escalate(fresh[HIT_ROUTES + 1] as string), await escalate(fresh[HIT_ROUTES + 2] as string)];
    await ok(await supervisor.post(`/api/v1/escalations/${packaged}/decision`, { data: { decision: 'approve', version: 1 } }), 200, 'approval');

    const user = await ok(await admin.post('/api/v1/users', { data: { email: `fuzz-target-${randomUUID().slice(0, 8)}@proportio.test`, name: 'Fuzz Target', role: 'ANALYST', unit: 'Fuzz suite' } }), 201, 'create user');
    const tokens = {} as Record<TokenScope, string>;
    let batchReader = '';
    for (const scope of ['watchlists:write', 'travellers:write', 'hits:write', 'batches:read'] as const) {
      const token = await db.createToken([scope], `fuzz ${scope}`);
      tokens[scope] = token.secret;
      if (scope === 'batches:read') batchReader = token.label;
    }
    // A batch the batches:read token submitted itself, so it may read it.
    const [batch] = await db.query<{ id: string }>(
      `INSERT INTO "ScreeningBatch" (id, day, "travellersScreened", kind, "submittedBy") VALUES ($1, current_date, 1, 'SCREENING', $2) RETURNING id`,
      [randomUUID(), batchReader],
    );
    const revokable = await db.createToken(['batches:read'], 'fuzz revoke target');
    // The suite's own list, with one entry its external hits can name; made after the hits above, so those name another list.
    // (Again, active, when Playwright restarts the worker after a failed test and this runs a second time.)
    await db.query(
      `INSERT INTO "WatchlistSource" (id, code, name, "defaultLegalBasis", active) VALUES ($1, $2, 'Fuzz suite list', 'Fuzz suite', true) ON CONFLICT (code) DO UPDATE SET active = true`,
      [randomUUID(), FUZZ_SOURCE],
    );
    const writer = await apiContext(playwright, undefined, { Authorization: `Bearer ${tokens['watchlists:write']}` });
    const entry = { externalId: FUZZ_ENTRY, primaryName: 'Fuzz Entry Person', offenceCategory: 'terrorism' };
    await ok(await writer.post(`/api/v1/watchlists/${FUZZ_SOURCE}/entries`, { data: { entries: [entry] } }), 200, 'fuzz entry');
    await writer.dispose();
    const [traveller] = await db.query<{ id: string }>(`SELECT "travellerId" AS id FROM "Hit" WHERE id = $1`, [otherHit]);
    const [analyst2] = await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [demoUser('analyst2').email]);

    return {
      sessions: { ...sessions, own },
      tokens,
      hits,
      escalations: { decide, withdraw, package: packaged },
      objects: {
        user: (user.user as { id: string }).id,
        'api-token': revokable.id,
        screening: batch?.id as string,
        watchlist: FUZZ_SOURCE,
        'data-class': 'CLEARED_HIT',
        traveller: traveller?.id as string,
        'retention-run': await db.finishedRetentionRun(),
      },
      shared: { recipientId: recipient?.id ?? '', otherHitId: otherHit as string, otherAnalystId: analyst2?.id ?? '', watchlistThreshold: 0.8, anomalyRule: 'UNASSIGNED_CONSULTATION' },
    };
  } finally {
    await Promise.all(contexts.map((context) => context.dispose()));
  }
}

/** Leaves the run as the other suites expect it: the suite's list inactive, the hits it took from the queue released. */
export async function tidyFuzzWorld(playwright: PlaywrightWorkerArgs['playwright'], db: Db, analystState: StorageState | undefined, claimedFromQueue: string[]): Promise<void> {
  await db.query(`UPDATE "WatchlistSource" SET active = false WHERE code = $1`, [FUZZ_SOURCE]);
  if (!analystState || claimedFromQueue.length === 0) return;
  const analyst = await apiContext(playwright, analystState);
  for (const hitId of claimedFromQueue) await analyst.post(`/api/v1/hits/${hitId}/release`);
  await analyst.dispose();
}
