import type { APIRequestContext, APIResponse } from '@playwright/test';
import { demoUser, expect, test } from '../fixtures';
import { apiContext, Db } from './harness';
import { probesFor, type Probe } from './fuzz-probes';
import { FUZZ_SOURCE, makeFuzzWorld, ROLE_KEYS, tidyFuzzWorld, type FuzzRole, type FuzzWorld } from './fuzz-world';
import { ROLE_PERMISSIONS, TOKEN_SCOPES, type TokenScope } from './permission-table';
import { API_ROUTES, type ApiEntry } from './route-manifest';
import { changedTables, TableSnapshots, type Snapshot } from './table-snapshot';

// Issue 9, attack suite part 5: every API route of the manifest, with every method it has,
// gets generated path parameters, query strings and bodies (./fuzz-probes.ts) from a caller
// who may use it, so the request reaches validation and what lies behind it. Each answer must
// be below 500; a refusal must be JSON with a message and the request id, and no stack trace;
// and a refused state-changing request must have written nothing (./table-snapshot.ts: every
// table but the access log and the timers' own). Seeded, so a failure replays.

const HAS_BODY = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const STACK_TRACE = /\bat [^\s"]+ \(|\.(ts|js|mjs):\d+:\d+|node_modules|"stack"/;
const ROUTES = API_ROUTES.filter((entry) => !entry.skip);

let db: Db;
let world: FuzzWorld;
let snapshots: TableSnapshots;
const contexts = new Map<string, APIRequestContext>();
const claimedFromQueue: string[] = [];

type Caller = { session: FuzzRole | 'own' } | { token: TokenScope };

/** A caller the permission table allows, so the request gets past the permission check. */
function callerFor(entry: ApiEntry): Caller {
  const { grant } = entry;
  // Public and internal routes care about nobody; a package is the analyst's own request's.
  if ('rule' in grant) return grant.rule === 'signed-in' ? { session: 'own' } : { session: 'analyst' };
  const role = ROLE_KEYS.find((key) => (ROLE_PERMISSIONS[demoUser(key).role] as readonly string[]).includes(grant.permission));
  if (role) return { session: role };
  const scope = (Object.keys(TOKEN_SCOPES) as TokenScope[]).find((name) => (TOKEN_SCOPES[name] as readonly string[]).includes(grant.permission));
  if (!scope) throw new Error(`nobody may use ${entry.method} ${entry.path}`);
  return { token: scope };
}

const HIT_ROUTES = ROUTES.filter((entry) => entry.object === 'hit').map((entry) => `${entry.method} ${entry.path}`);

/** The object a route's parameter names: the suite's own, and one the caller may act on. */
function objectIdFor(entry: ApiEntry): string | undefined {
  switch (entry.object) {
    case undefined:
      return undefined;
    case 'hit':
      return world.hits[HIT_ROUTES.indexOf(`${entry.method} ${entry.path}`)];
    case 'escalation':
      return entry.path.endsWith('/withdraw') ? world.escalations.withdraw : world.escalations.decide;
    case 'package':
      return world.escalations.package;
    default:
      return world.objects[entry.object];
  }
}

async function contextFor(playwright: Parameters<typeof apiContext>[0], caller: Caller): Promise<APIRequestContext> {
  const key = 'session' in caller ? caller.session : `token:${caller.token}`;
  let context = contexts.get(key);
  if (!context) {
    context = 'session' in caller ? await apiContext(playwright, world.sessions[caller.session]) : await apiContext(playwright, undefined, { Authorization: `Bearer ${world.tokens[caller.token]}` });
    contexts.set(key, context);
  }
  return context;
}

/** What is wrong with one answer: a 5xx, a refusal without the error shape, a stack trace. */
async function problemsOf(response: APIResponse): Promise<string[]> {
  const status = response.status();
  const problems: string[] = [];
  if (status >= 500) problems.push(`answered ${status}`);
  if (status < 400) return problems;
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    problems.push(`a ${status} whose body is not JSON: ${text.slice(0, 80)}`);
  }
  if (typeof body === 'object' && body !== null) {
    const { message, requestId } = body as { message?: unknown; requestId?: unknown };
    if (typeof message !== 'string' || message.length === 0) problems.push(`a ${status} without a message`);
    if (typeof requestId !== 'string' || requestId !== response.headers()['x-request-id']) problems.push(`a ${status} without the request id of its X-Request-Id`);
  }
  if (STACK_TRACE.test(text)) problems.push(`a stack trace in a ${status}: ${text.slice(0, 200)}`);
  return problems;
}

test.describe('fuzzing every API route', () => {
  test.beforeAll(async ({ browser, playwright }) => {
    test.setTimeout(180_000);
    db = await Db.connect();
    world = await makeFuzzWorld(browser, playwright, db);
    expect(HIT_ROUTES.length, 'a claimed hit for each hit route').toBeLessThanOrEqual(world.hits.length);
    snapshots = await TableSnapshots.prepare(db);
    // The fingerprint must see a write, or "nothing changed" would prove nothing: rewrite one row.
    const before = await snapshots.take();
    await db.query(`UPDATE "WatchlistSource" SET name = name WHERE code = $1`, [FUZZ_SOURCE]);
    expect(changedTables(before, await snapshots.take())).toEqual(['WatchlistSource']);
    // The server's timers write on their own, between any two requests: the rollup compaction
    // (every 5 minutes, folding what making the world appended) must change nothing compared.
    const beforeCompaction = await snapshots.take();
    await db.query(`SELECT metrics_rollups_compact(), retention_state_compact()`);
    expect(changedTables(beforeCompaction, await snapshots.take())).toEqual([]);
  });

  test.afterAll(async ({ playwright }) => {
    await Promise.all([...contexts.values()].map((context) => context.dispose()));
    if (db) await tidyFuzzWorld(playwright, db, world?.sessions.analyst, claimedFromQueue);
    await db?.close();
  });

  ROUTES.forEach((entry, index) => {
    const key = `${entry.method} ${entry.path}`;
    test(key, async ({ playwright }) => {
      test.setTimeout(120_000);
      const caller = callerFor(entry);
      const context = await contextFor(playwright, caller);
      const probes = probesFor(entry, { ...world.shared, id: objectIdFor(entry) ?? '' }, objectIdFor(entry), index);
      const failures: string[] = [];
      const changes = HAS_BODY.has(entry.method);
      let before: Snapshot | undefined = changes ? await snapshots.take() : undefined;
      let scheduledRuns = 0;
      for (const probe of probes) {
        const response = await send(context, probe);
        for (const problem of await problemsOf(response)) failures.push(`${problem} — ${probe.input}`);
        if (key === 'POST /api/v1/hits/next' && response.status() === 200) claimedFromQueue.push(((await response.json()) as { id: string }).id);
        // A started retention run goes on after its 202: its writes belong to it, not to the next request.
        if (key === 'POST /api/v1/retention/runs' && response.status() === 202) await retentionRunFinished(db, ((await response.json()) as { run: { id: string } }).run.id);
        if (!changes || !before) continue;
        const after = await snapshots.take();
        const changed = changedTables(before, after);
        if (response.status() >= 400 && changed.length > 0) {
          // The retention job runs on its own timer; a run it made meanwhile is not this request's.
          if (changed.includes('RetentionRun') && entry.path !== '/api/v1/retention/runs') scheduledRuns += 1;
          else failures.push(`refused ${response.status()} but wrote to ${changed.join(', ')} — ${probe.input}`);
        }
        before = after;
      }
      console.log(`fuzz: http ${key} ${probes.length} runs`);
      test.info().annotations.push({ type: 'fuzz', description: `${key}: ${probes.length} runs as ${JSON.stringify(caller)}` });
      expect(scheduledRuns, 'the scheduled retention job ran during at most one request').toBeLessThanOrEqual(1);
      expect(failures).toEqual([]);
    });
  });

  // The requests are a function of the seed and the examples alone, so their number is too:
  // counted here once for the note, whatever worker ran which route.
  test('every route and method of the manifest gets requests', () => {
    const counts = ROUTES.map((entry, index) => probesFor(entry, { ...world.shared, id: objectIdFor(entry) ?? '' }, objectIdFor(entry), index).length);
    for (const [index, count] of counts.entries()) expect(count, `${ROUTES[index]?.method} ${ROUTES[index]?.path}`).toBeGreaterThanOrEqual(2);
    const total = counts.reduce((sum, count) => sum + count, 0);
    console.log(`fuzz: http (all) ${total} runs over ${ROUTES.length} route methods`);
    test.info().annotations.push({ type: 'fuzz', description: `${total} requests over ${ROUTES.length} route methods` });
  });
});

async function send(context: APIRequestContext, probe: Probe): Promise<APIResponse> {
  return context.fetch(probe.url, { method: probe.method, headers: probe.headers, ...(probe.body ? { data: probe.body } : {}), maxRedirects: 0, timeout: 60_000 });
}

async function retentionRunFinished(client: Db, runId: string): Promise<void> {
  await expect
    .poll(async () => (await client.query<{ status: string }>(`SELECT status FROM "RetentionRun" WHERE id = $1`, [runId]))[0]?.status, { timeout: 30_000 })
    .not.toBe('RUNNING');
}
