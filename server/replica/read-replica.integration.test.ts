import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '@/scripts/db/embedded.mts';
import { removeStandby, startStandby, type Standby } from '@/scripts/db/standby.mts';
import type { Caller } from '@/server/auth/caller';
import type { ReplicaState } from './read-router';

// The metrics against a real primary and a streaming hot standby of it (scripts/db/standby.mts),
// through the app's own code: getMetrics and the art. 20 statistics, routed by
// server/db-replica.ts. The runner's shared database cannot be copied into a standby (it may be
// an external server), so this file starts two clusters of its own and points the app at them.
//
// Which server answered is told by the figures: replay is paused on the standby and the primary
// then written, so the two disagree, and a read's answer names its server.

const LAG_BOUND_SECONDS = 1;
const DAY = '2004-02-29';
const PERIOD = { from: DAY, to: DAY, granularity: 'day' };
// A privacy officer may read every metric; allowed reads touch no table (require-permission.ts).
const CALLER: Caller = { actorType: 'USER', actorId: randomUUID(), actorLabel: 'replica test', role: 'PRIVACY_OFFICER', requestId: randomUUID(), ip: null, userAgent: null };

const dirs: string[] = [];
let primary: EmbeddedDatabase | undefined;
let standby: Standby | undefined;
let primarySql: pg.Client | undefined;
let standbySql: pg.Client | undefined;
let app: Awaited<ReturnType<typeof loadApp>>;

/** The app's modules, loaded once the environment names this file's clusters (env() is read once). */
async function loadApp() {
  const { env } = await import('@/lib/env');
  const { db } = await import('@/server/db');
  const { readFromReplica, readRouter } = await import('@/server/db-replica');
  const { getMetrics } = await import('@/server/metrics/get-metrics');
  const { getPnrStatistics } = await import('@/server/metrics/pnr-statistics');
  return { env, db, readFromReplica, router: () => readRouter()!, getMetrics, getPnrStatistics };
}

/** The migrations' SQL as committed: the schema is what matters here, and Prisma's CLI would add ~20 s. */
async function applyMigrations(client: pg.Client): Promise<void> {
  const folder = path.join(process.cwd(), 'prisma/migrations');
  for (const name of readdirSync(folder).filter((entry) => /^\d/.test(entry)).sort()) {
    await client.query(readFileSync(path.join(folder, name, 'migration.sql'), 'utf8'));
  }
}

/** Polls until `done` answers true; the machine is shared, so the timeout is generous and nothing is timed. */
async function waitFor(what: string, done: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Checks the replica until the router's answer is what the test waits for. */
async function routerSays(use: ReplicaState['use'], reason?: string, timeoutMs?: number): Promise<ReplicaState> {
  let state: ReplicaState | undefined;
  const what = `the router to use the ${use}${reason ? ` (${reason})` : ''}`;
  await waitFor(what, async () => {
    state = await app.router().refresh();
    return state.use === use && (reason === undefined || (state.use === 'primary' && state.reason === reason));
  }, timeoutMs).catch((error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)}; last answer: ${JSON.stringify(state)}`);
  });
  return state!;
}

/** Travellers screened on DAY as the dashboard and the art. 20 statistics report them (they must agree). */
async function screenedFigures(): Promise<number> {
  const [report, statistics] = await Promise.all([app.getMetrics(CALLER, PERIOD), app.getPnrStatistics(CALLER, PERIOD)]);
  assert.equal(report.funnel.totals.screened, statistics.passengersCollected);
  return statistics.passengersCollected;
}

async function screen(travellers: number): Promise<void> {
  await app.db().screeningBatch.create({ data: { day: new Date(`${DAY}T00:00:00Z`), travellersScreened: travellers, kind: 'SCREENING' } });
}

const servedByStandby = async () => (await app.readFromReplica((client) => client.$queryRaw<{ standby: boolean }[]>`SELECT pg_is_in_recovery() AS standby`))[0]!.standby;
const standbyScreened = async () => Number((await standbySql!.query(`SELECT coalesce(sum("travellersScreened"), 0) AS n FROM "ScreeningBatch" WHERE day = $1`, [DAY])).rows[0].n);
const accessEvents = async () => Number((await primarySql!.query('SELECT count(*) AS n FROM "AccessEvent"')).rows[0].n);

before(async () => {
  const primaryDir = mkdtempSync(path.join(os.tmpdir(), 'proportio-primary-'));
  const standbyDir = mkdtempSync(path.join(os.tmpdir(), 'proportio-standby-'));
  dirs.push(primaryDir, standbyDir);
  primary = await startEmbeddedPostgres({ dataDir: primaryDir, port: await freePort(), database: 'proportio_replica', ephemeral: true });
  primarySql = new pg.Client({ connectionString: primary.url });
  await primarySql.connect();
  await applyMigrations(primarySql);
  // Nothing but this test writes: autovacuum's commits would make an idle primary look busy and
  // hide a lag measured by the last replayed commit's age alone (the trap replica-lag.ts avoids).
  await primarySql.query('ALTER SYSTEM SET autovacuum = off');
  await primarySql.query('SELECT pg_reload_conf()');
  standby = await startStandby({ primaryUrl: primary.url, primaryDataDir: primaryDir, dataDir: standbyDir, port: await freePort() });
  standbySql = new pg.Client({ connectionString: standby.url });
  await standbySql.connect();

  // This file runs in a process of its own (node --test), so these stay here. The check interval
  // is an hour: the router's answer then changes only when the test calls refresh(), which makes
  // "which server answered" deterministic; the interval itself is covered by read-router.test.ts.
  Object.assign(process.env, {
    DATABASE_URL: primary.url,
    DATABASE_REPLICA_URL: standby.url,
    DATABASE_REPLICA_MAX_LAG_SECONDS: String(LAG_BOUND_SECONDS),
    DATABASE_REPLICA_CHECK_SECONDS: '3600',
  });
  app = await loadApp();
  assert.equal(app.env().DATABASE_URL, primary.url, 'the environment was read before this file set it');
});

// Every step runs, so that a failed setup leaves no cluster or folder behind.
after(async () => {
  const steps: (() => Promise<unknown>)[] = [
    async () => app?.router().close(),
    async () => app?.db().$disconnect(),
    async () => standbySql?.end(),
    async () => primarySql?.end(),
    async () => dirs[1] && removeStandby(dirs[1]),
    async () => primary?.stop(),
  ];
  for (const step of steps) await step().catch((error: unknown) => console.error('Replica test cleanup:', error));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

test('a write on the primary shows up on the standby, which then takes the reads', async () => {
  await screen(100);
  await waitFor('the standby to replay the write', async () => (await standbyScreened()) === 100);
  await routerSays('replica');
  assert.equal(await servedByStandby(), true);
});

test('an idle primary is no lag: with nothing written for longer than the bound, the standby stays in use', async () => {
  await new Promise((resolve) => setTimeout(resolve, 2.5 * LAG_BOUND_SECONDS * 1000));
  // Polled, not checked once: a WAL record of the server's own (a checkpoint, a standby snapshot)
  // may be in flight at one check. A lag read from the last replayed commit's age would only grow.
  await routerSays('replica', undefined, 15_000);
});

test('the metrics — the dashboard and the art. 20 statistics — are read from the standby, and record nothing', async () => {
  const eventsBefore = await accessEvents();
  assert.equal(await screenedFigures(), 100);
  // Reading the metrics records nothing (server/metrics/get-metrics.ts): a read on the standby could not.
  assert.equal(await accessEvents(), eventsBefore);

  // Freeze the standby and move the primary on: the figures now name the server that answered.
  await standbySql!.query('SELECT pg_wal_replay_pause()');
  await waitFor('replay to pause', async () => (await standbySql!.query('SELECT pg_get_wal_replay_pause_state() AS s')).rows[0].s === 'paused');
  await screen(50);
  assert.equal(await screenedFigures(), 100, 'the dashboard and the art. 20 statistics were read from the standby');
});

test('while the standby lags past the bound the metrics come from the primary, with current figures', async () => {
  const state = await routerSays('primary', 'lagging');
  assert.ok(state.lagSeconds !== null && state.lagSeconds > LAG_BOUND_SECONDS, `lag ${state.lagSeconds}`);
  assert.equal(await screenedFigures(), 150);
  assert.equal(await servedByStandby(), false);
  assert.equal(await standbyScreened(), 100, 'the standby itself is still behind');
});

test('when replay resumes and the standby catches up, the reads return to it', async () => {
  await standbySql!.query('SELECT pg_wal_replay_resume()');
  const state = await routerSays('replica');
  assert.ok(state.use === 'replica' && state.lagSeconds <= LAG_BOUND_SECONDS);
  assert.equal(await servedByStandby(), true);
  assert.equal(await standbyScreened(), 150);
  assert.equal(await screenedFigures(), 150);
});

test('a stopped standby costs the read that finds it down a trip to the primary, never an error, until it is back', async () => {
  // The router still holds "use the standby" when it stops: the read that fails there is answered by the primary.
  await standby!.stop();
  standbySql!.on('error', () => {}); // the fast shutdown ends this session too
  await screen(25);
  assert.equal(await screenedFigures(), 175);
  assert.deepEqual(await app.router().current().then((state) => state.use === 'primary' && state.reason), 'read-failed');
  await routerSays('primary', 'unreachable');
  assert.equal(await screenedFigures(), 175);

  // Restarted, it streams what it missed from its slot, and the next check finds it fresh.
  await standby!.start();
  await routerSays('replica');
  assert.equal(await servedByStandby(), true);
  assert.equal(await screenedFigures(), 175);
});
