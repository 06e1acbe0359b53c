import { randomUUID } from 'node:crypto';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { demoUser, expect, test, type RoleKey } from '../fixtures';
import { apiContext, Db, ingestHits, jsonOf, MIDDLEWARE_SUBREQUEST, pool, signIn, type StorageState } from './harness';
import { ROLE_PERMISSIONS, TOKEN_SCOPES, type TokenScope } from './permission-table';
import { API_ROUTES, PAGES, type ApiEntry, type Grant, type Objects, type ObjectKind, type PageEntry } from './route-manifest';

// Issue 9, attack suite part 1: every caller × every page, API route and method × own and
// another's object, expectations generated from ROLE_PERMISSIONS and TOKEN_SCOPES. A refusal
// must be a refusal (401 / redirect to login / 403 or 404), leave its DENIED (or LOGIN_FAILED)
// event and say nothing beyond the error shape; an allowance must pass the permission check.
// Each request is sent again with x-middleware-subrequest (CVE-2025-29927): same answer.

const ROLE_KEYS = ['analyst', 'supervisor', 'privacy', 'admin'] as const satisfies readonly RoleKey[];
const SCOPES = Object.keys(TOKEN_SCOPES) as TokenScope[];
type CallerKey = (typeof ROLE_KEYS)[number] | 'anonymous' | `token:${TokenScope}` | 'token:invalid';
const CALLERS: CallerKey[] = [...ROLE_KEYS, 'anonymous', ...SCOPES.map((scope) => `token:${scope}` as const), 'token:invalid'];
// The error shape (server/http/error-response.ts); a 401 may also say why a session ended.
const ERROR_FIELDS = ['message', 'requestId', 'sessionEnded'];

type Variant = 'own' | 'other' | 'any';
interface Case {
  entry: ApiEntry | PageEntry;
  variant: Variant;
  url: string;
  objects: Objects;
}

interface World {
  sessions: Map<RoleKey, StorageState>;
  ids: Record<RoleKey, string>;
  /** Per object kind: the id another user holds, and the one each role holds itself. */
  objects: Record<ObjectKind, { other: string; own: Partial<Record<RoleKey, string>> }>;
  shared: Omit<Objects, 'id'>;
  tokens: Record<TokenScope, string>;
}

let db: Db;
let world: World;

const isUser = (caller: CallerKey): caller is (typeof ROLE_KEYS)[number] => (ROLE_KEYS as readonly string[]).includes(caller);

/** What the permission table (and the manifest's rule) says about this caller on this case. */
function mayByTable(caller: CallerKey, entry: ApiEntry | PageEntry, variant: Variant): boolean {
  const grant: Grant = entry.grant;
  // Pages know sessions only.
  if (entry.kind === 'page' && !isUser(caller)) return 'rule' in grant && grant.rule === 'public';
  if ('rule' in grant) {
    if (grant.rule === 'public') return true;
    if (grant.rule === 'internal') return false;
    if (grant.rule === 'signed-in') return isUser(caller);
    return isUser(caller) && variant === 'own';
  }
  if (grant.object === 'not-own' && variant === 'own') return false;
  if (grant.object === 'own-only' && variant !== 'own') return false;
  if (isUser(caller)) return ROLE_PERMISSIONS[demoUser(caller).role].includes(grant.permission);
  if (caller.startsWith('token:') && grant.tokens === 'own-only' && variant !== 'own') return false;
  if (caller.startsWith('token:') && caller !== 'token:invalid') return (TOKEN_SCOPES[caller.slice(6) as TokenScope] as readonly string[]).includes(grant.permission);
  return false;
}

function casesFor(caller: CallerKey, entries: readonly (ApiEntry | PageEntry)[]): Case[] {
  return entries.flatMap((entry) => {
    if (entry.kind === 'api' && entry.skip) return [];
    const variants: [Variant, string | undefined][] = !entry.object
      ? [['any', undefined]]
      : [
          ['other', world.objects[entry.object].other],
          ...(isUser(caller) && world.objects[entry.object].own[caller] ? [['own', world.objects[entry.object].own[caller]] as [Variant, string]] : []),
        ];
    return variants.map(([variant, id]) => {
      const pathname = entry.path.replace(/\[[^\]]+\]/, id ?? '');
      return { entry, variant, url: pathname + (entry.kind === 'api' ? (entry.query ?? '') : ''), objects: { ...world.shared, id: id ?? '' } };
    });
  });
}

/** Not JSON at all: a caller who may not call the route must hear 403 before any word about the body. */
const BROKEN_BODY = Buffer.from('{"attack suite": ');

async function send(context: APIRequestContext, target: Case, headers: Record<string, string>, body: 'valid' | 'broken' = 'valid'): Promise<APIResponse> {
  const { entry } = target;
  const method = entry.kind === 'api' ? entry.method : 'GET';
  const options = {
    method,
    headers,
    maxRedirects: 0,
    ...(entry.kind === 'api' && entry.body ? { data: entry.body(target.objects) } : {}),
    ...(entry.kind === 'api' && entry.text !== undefined ? { data: entry.text, headers: { ...headers, 'Content-Type': 'text/csv' } } : {}),
    ...(body === 'broken' ? { data: BROKEN_BODY, headers: { ...headers, 'Content-Type': 'application/json' } } : {}),
  };
  return context.fetch(target.url, options);
}

/** A call the table refuses, to a route that takes a body, is sent a third time with a broken one. */
const takesBody = (target: Case) => target.entry.kind === 'api' && (target.entry.body !== undefined || target.entry.text !== undefined);

interface Outcome {
  status: number;
  location: string;
  requestId: string;
  body: unknown;
}

async function outcomeOf(response: APIResponse): Promise<Outcome> {
  const isJson = (response.headers()['content-type'] ?? '').includes('application/json');
  return {
    status: response.status(),
    location: response.headers()['location'] ?? '',
    requestId: response.headers()['x-request-id'] ?? '',
    body: isJson ? await jsonOf(response) : undefined,
  };
}

/** Problems with one answer, or []: the verdict the table predicts, checked on status, events and body. */
function judge(caller: CallerKey, target: Case, outcome: Outcome, events: { operation: string; outcome: string }[]): string[] {
  const { entry } = target;
  const allowed = mayByTable(caller, entry, target.variant);
  const problems: string[] = [];
  const refusedEvent = events.some((event) => event.operation === 'DENIED' || event.operation === 'LOGIN_FAILED');
  if ('rule' in entry.grant && entry.grant.rule === 'internal') {
    if (outcome.status !== 404) problems.push(`internal route answered ${outcome.status}`);
    return problems;
  }
  if (allowed) {
    if (!entry.allowed.includes(outcome.status)) problems.push(`allowed, expected ${entry.allowed.join('|')}, got ${outcome.status} ${JSON.stringify(outcome.body ?? '').slice(0, 160)}`);
    if (outcome.status === 307 && /\/login(\?|$)/.test(outcome.location)) problems.push(`allowed, but sent to ${outcome.location}`);
    if (refusedEvent) problems.push('allowed, but a DENIED/LOGIN_FAILED event was recorded');
    return problems;
  }
  const signedIn = isUser(caller);
  const viaToken = caller.startsWith('token:') && caller !== 'token:invalid';
  if (entry.kind === 'page' && !signedIn) {
    // Pages know sessions only: a token or nobody is sent to the login page.
    if (outcome.status !== 307 || !/\/login(\?|$)/.test(outcome.location)) problems.push(`expected a redirect to /login, got ${outcome.status} ${outcome.location}`);
    return problems;
  }
  if (entry.kind === 'api' && viaToken && entry.tokenNotFound) {
    if (outcome.status !== 404) problems.push(`expected 404 (${entry.tokenNotFound}), got ${outcome.status}`);
  } else if (entry.kind === 'api' && !signedIn && !viaToken) {
    if (outcome.status !== 401) problems.push(`expected 401, got ${outcome.status}`);
    if (!events.some((event) => event.operation === 'LOGIN_FAILED')) problems.push('no LOGIN_FAILED event');
  } else {
    if (![403, 404].includes(outcome.status)) problems.push(`expected 403/404, got ${outcome.status}`);
    if (!events.some((event) => event.operation === 'DENIED' && event.outcome === 'DENIED')) problems.push('no DENIED event');
  }
  if (entry.kind === 'api') {
    const fields = outcome.body && typeof outcome.body === 'object' ? Object.keys(outcome.body) : ['(not JSON)'];
    const extra = fields.filter((field) => !ERROR_FIELDS.includes(field));
    if (extra.length > 0) problems.push(`refusal carries ${extra.join(', ')}`);
  }
  return problems;
}

test.describe('access-control matrix', () => {
  test.beforeAll(async ({ browser, playwright }) => {
    test.setTimeout(120_000);
    db = await Db.connect();
    const keys: RoleKey[] = [...ROLE_KEYS, 'analyst2', 'supervisor2'];
    // Two at a time: each sign-in hashes with argon2id (19 MiB), and the machine has two cores.
    const states = await pool(keys, 2, (key) => signIn(browser, key));
    const sessions = new Map(keys.map((key, index) => [key, states[index] as StorageState]));
    const users = await db.query<{ id: string; email: string }>(`SELECT id, email FROM "User"`);
    const ids = Object.fromEntries(keys.map((key) => [key, users.find((user) => user.email === demoUser(key).email)?.id])) as Record<RoleKey, string>;
    const as = async (key: RoleKey) => apiContext(playwright, sessions.get(key));
    const context = Object.fromEntries(await Promise.all(keys.map(async (key) => [key, await as(key)] as const))) as Record<RoleKey, APIRequestContext>;

    const [hitA, hitS, hitO, escHitA, escHitS, escHitO, pkgHit, pkgOtherHit] = await ingestHits(context.admin, db, 8);
    const claim = async (key: RoleKey, hitId: string) => {
      const response = await context[key].post(`/api/v1/hits/${hitId}/claim`);
      expect(response.status(), `claim as ${key}`).toBe(200);
      return ((await response.json()) as { version: number }).version;
    };
    const [recipient] = await db.query<{ id: string }>(`SELECT id FROM "RecipientAuthority" WHERE active ORDER BY name LIMIT 1`);
    const escalate = async (key: RoleKey, hitId: string) => {
      const hitVersion = await claim(key, hitId);
      const justification = 'Attack suite fixture: the objective facts and the necessity, stated at enough length.';
      const response = await context[key].post(`/api/v1/hits/${hitId}/escalations`, {
        data: { legalBasis: 'PNR_6_2_A', offenceCategory: 'terrorism', objectiveFacts: justification, necessity: justification, dataCategories: ['PASSPORT', 'ITINERARY'], recipientId: recipient?.id, urgency: 'ROUTINE', hitVersion },
      });
      expect(response.status(), `escalation as ${key}: ${await response.text()}`).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const approve = async (key: RoleKey, escalationId: string) => {
      const response = await context[key].post(`/api/v1/escalations/${escalationId}/decision`, { data: { decision: 'approve', version: 1 } });
      expect(response.status(), `approval as ${key}: ${await response.text()}`).toBe(200);
    };
    await Promise.all([claim('analyst', hitA as string), claim('supervisor', hitS as string), claim('analyst2', hitO as string)]);
    const [escA, escS, escO, pkgOwn, pkgOther] = await Promise.all([
      escalate('analyst', escHitA as string),
      escalate('supervisor', escHitS as string),
      escalate('analyst2', escHitO as string),
      escalate('analyst', pkgHit as string),
      escalate('analyst2', pkgOtherHit as string),
    ]);
    await Promise.all([approve('supervisor', pkgOwn as string), approve('supervisor2', pkgOther as string)]);

    const created = await context.admin.post('/api/v1/users', { data: { email: `attack-${randomUUID().slice(0, 8)}@proportio.test`, name: 'Attack Fixture', role: 'ANALYST', unit: 'Attack suite' } });
    expect(created.status()).toBe(201);
    const fixtureUserId = ((await created.json()) as { user: { id: string } }).user.id;
    const revokable = await db.createToken(['batches:read'], 'attack revoke target');
    const otherSystem = await db.createToken(['travellers:write'], 'attack other system');
    const [batch] = await db.query<{ id: string }>(
      `INSERT INTO "ScreeningBatch" (id, day, "travellersScreened", kind, "submittedBy") VALUES ($1, current_date, 1, 'SCREENING', $2) RETURNING id`,
      [randomUUID(), otherSystem.label],
    );
    const [source] = await db.query<{ code: string; matchThreshold: number | null }>(`SELECT code, "matchThreshold" FROM "WatchlistSource" ORDER BY code LIMIT 1`);
    const [traveller] = await db.query<{ id: string }>(`SELECT id FROM "Traveller" ORDER BY "collectedAt" DESC LIMIT 1`);
    const retentionRun = await db.finishedRetentionRun();
    const tokens = {} as Record<TokenScope, string>;
    for (const scope of SCOPES) tokens[scope] = (await db.createToken([scope])).secret;
    await Promise.all(Object.values(context).map((ctx) => ctx.dispose()));

    world = {
      sessions,
      ids,
      tokens,
      shared: { recipientId: recipient?.id ?? '', otherHitId: hitO as string, otherAnalystId: ids.analyst2, watchlistThreshold: source?.matchThreshold ?? null, anomalyRule: 'UNASSIGNED_CONSULTATION' },
      objects: {
        hit: { other: hitO as string, own: { analyst: hitA, supervisor: hitS } },
        escalation: { other: escO as string, own: { analyst: escA, supervisor: escS } },
        package: { other: pkgOther as string, own: { analyst: pkgOwn, supervisor: pkgOwn } },
        user: { other: fixtureUserId, own: Object.fromEntries(ROLE_KEYS.map((key) => [key, ids[key]])) },
        'api-token': { other: revokable.id, own: {} },
        screening: { other: batch?.id as string, own: {} },
        watchlist: { other: source?.code as string, own: {} },
        'data-class': { other: 'TRAVELLER_RECORD', own: {} },
        traveller: { other: traveller?.id as string, own: {} },
        'retention-run': { other: retentionRun, own: {} },
      },
    };
  });

  test.afterAll(async () => {
    await db?.close();
  });

  let total = 0;
  for (const caller of CALLERS) {
    test(`${caller} × every page and API route`, async ({ playwright }) => {
      test.setTimeout(90_000);
      const session = isUser(caller) ? world.sessions.get(caller) : undefined;
      const bearer = caller === 'token:invalid' ? `ppt_abcdefgh_${'x'.repeat(43)}` : caller.startsWith('token:') ? world.tokens[caller.slice(6) as TokenScope] : undefined;
      const context = await apiContext(playwright, session, bearer ? { Authorization: `Bearer ${bearer}` } : {});
      const cases = casesFor(caller, [...API_ROUTES, ...PAGES]);
      // Plain first, then the same case with the middleware-skipping header.
      const answers = await pool(cases, 6, async (target) => {
        const plain = await outcomeOf(await send(context, target, {}));
        const bypass = await outcomeOf(await send(context, target, { 'x-middleware-subrequest': MIDDLEWARE_SUBREQUEST }));
        // Refused by the table whatever the object (a rule on the record, such as one's own role, needs the body's request first).
        const refused = !mayByTable(caller, target.entry, 'own') && !mayByTable(caller, target.entry, 'other');
        const broken = refused && takesBody(target) ? await outcomeOf(await send(context, target, {}, 'broken')) : undefined;
        return { target, plain, bypass, broken };
      });
      await context.dispose();
      const events = await db.eventsOf(answers.flatMap(({ plain, bypass, broken }) => [plain.requestId, bypass.requestId, broken?.requestId ?? '']).filter(Boolean));
      const failures: string[] = [];
      let sent = 0;
      for (const { target, plain, bypass, broken } of answers) {
        const label = `${caller} ${target.entry.kind === 'api' ? target.entry.method : 'PAGE'} ${target.entry.path} (${target.variant})`;
        const outcomes = [['', plain], [' +x-middleware-subrequest', bypass], ...(broken ? [[' with a broken body', broken] as const] : [])] as const;
        sent += outcomes.length;
        for (const [name, outcome] of outcomes) {
          if (!outcome.requestId) failures.push(`${label}${name}: no X-Request-Id`);
          for (const problem of judge(caller, target, outcome, events.get(outcome.requestId) ?? [])) failures.push(`${label}${name}: ${problem}`);
        }
        const allowed = mayByTable(caller, target.entry, target.variant);
        if (!allowed && plain.status !== bypass.status) failures.push(`${label}: ${plain.status} plain but ${bypass.status} with x-middleware-subrequest`);
        if (broken && broken.status !== plain.status) failures.push(`${label}: ${plain.status} with a valid body but ${broken.status} with a broken one`);
      }
      total += sent;
      test.info().annotations.push({ type: 'matrix', description: `${caller}: ${answers.length} cases, ${sent} requests` });
      expect(failures).toEqual([]);
    });
  }

  test('the matrix covered every caller', () => {
    expect(total).toBeGreaterThan(CALLERS.length * (API_ROUTES.length + PAGES.length));
    test.info().annotations.push({ type: 'matrix', description: `${total} requests in all` });
  });
});
