import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import type { Caller } from '@/server/auth/caller';
import { seedProfile, NonDemoDataError, type ProfileSummary } from './profile-seed.mts';
import { profileFor } from './profiles.mts';
import { migrate } from '../../db/database.mts';

// The one-year profile at a two-hundredth of its size (2,000 hits, 40,000 access events),
// in a database of its own on the integration run's server: the data land, their
// distributions are roughly the profile's, the access log verifies as a chain, the metrics
// show what a direct count shows, a rerun adds nothing, and a database holding someone's
// data is refused. The server code below reads DATABASE_URL once, so it is pointed at the
// profile's database before it is first imported.

const PROFILE = profileFor('one-year', 0.005);
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error('DATABASE_URL is not set: run through npm run test:integration');
const name = `proportio_profile_${process.pid}_${Date.now()}`;
const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
process.env.DATABASE_URL = url;

let first: ProfileSummary;
let client: pg.Client;

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}
const one = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows[0] as T;

before(async () => {
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  await migrate(url);
  first = await seedProfile(url, PROFILE, { log: () => {}, quiet: true });
  client = new pg.Client({ connectionString: url });
  await client.connect();
}, { timeout: 15 * 60_000 });

after(async () => {
  await client?.end();
  const { db } = await import('@/server/db');
  await db().$disconnect();
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
});

test('the profile lands with its counts', () => {
  assert.equal(first.counts.hits, PROFILE.hits);
  assert.equal(first.counts.accessEvents, PROFILE.accessEvents);
  assert.equal(first.counts.travellers! >= PROFILE.hits, true, 'every hit has its traveller');
  // The normal seed's own hits have no escalation share of the profile's, hence the range.
  assert.ok(first.counts.escalations! > PROFILE.escalations * 0.6 && first.counts.escalations! < PROFILE.escalations * 1.4, `escalations: ${first.counts.escalations}`);
  assert.equal(first.counts.disclosurePackages, first.escalationsByStatus.APPROVED, 'every approved escalation has its package');
  assert.ok(first.rollupsAgree, JSON.stringify(first.rollups));
});

test('the distributions are roughly the profile’s', async () => {
  const hits = await one<{ old: number; cleared: number; confirmed: number; escalated: number; open: number; summer: number; winter: number }>(`
    SELECT count(*) FILTER (WHERE h."createdAt" < now() - interval '2 days')::int AS old,
      count(*) FILTER (WHERE h."createdAt" < now() - interval '2 days' AND h.status = 'CLEARED')::int AS cleared,
      count(*) FILTER (WHERE h."createdAt" < now() - interval '2 days' AND h.status = 'CONFIRMED')::int AS confirmed,
      count(*) FILTER (WHERE h."createdAt" < now() - interval '2 days' AND h.status = 'ESCALATED')::int AS escalated,
      count(*) FILTER (WHERE h.status IN ('NEW', 'IN_REVIEW', 'ESCALATION_PENDING') AND h."createdAt" >= now() - interval '2 days')::int AS open,
      count(*) FILTER (WHERE extract(month FROM h."createdAt") IN (7, 8))::int AS summer,
      count(*) FILTER (WHERE extract(month FROM h."createdAt") IN (1, 2))::int AS winter
    FROM "Hit" h JOIN "Traveller" t ON t.id = h."travellerId" WHERE t."externalRef" LIKE 'SCALE-%'`);
  const share = (n: number) => n / hits.old;
  assert.ok(share(hits.cleared) > 0.9 && share(hits.cleared) < 0.98, `cleared ${share(hits.cleared)}`);
  assert.ok(share(hits.confirmed) > 0.005 && share(hits.confirmed) < 0.06, `confirmed ${share(hits.confirmed)}`);
  assert.ok(share(hits.escalated) > 0.005 && share(hits.escalated) < 0.06, `escalated ${share(hits.escalated)}`);
  assert.ok(hits.open > 0, 'the last two days are the open queue');
  assert.ok(hits.summer > hits.winter * 1.1, `seasonal volume: July–August ${hits.summer}, January–February ${hits.winter}`);

  const events = await one<{ all: number; reveals: number }>(`
    SELECT count(*)::int AS all, count(*) FILTER (WHERE details ->> 'view' = 'reveal')::int AS reveals FROM "AccessEvent" WHERE "requestId" LIKE 'scale-%'`);
  assert.ok(events.reveals / events.all > 0.01 && events.reveals / events.all < 0.035, `reveals ${events.reveals} of ${events.all}`);

  const batches = await one<{ screened: number; biggest: number }>(`
    SELECT sum("travellersScreened")::float8 AS screened, max("travellersScreened")::int AS biggest FROM "ScreeningBatch" WHERE "externalRef" LIKE 'SCALE-BATCH-%'`);
  const expected = PROFILE.travellersPerDay * PROFILE.days;
  assert.ok(Math.abs(batches.screened - expected) / expected < 0.05, `travellers screened ${batches.screened}, about ${expected} expected`);
  assert.ok(batches.biggest <= PROFILE.batchSize);
  const linked = await one<{ n: number; created: number }>(`
    SELECT count(*)::int AS n, (SELECT sum("hitsCreated")::int FROM "ScreeningBatch" WHERE "externalRef" LIKE 'SCALE-BATCH-%') AS created
    FROM "Hit" h JOIN "ScreeningBatch" b ON b.id = h."screeningBatchId" WHERE b."externalRef" LIKE 'SCALE-BATCH-%'`);
  assert.equal(linked.created, linked.n, 'each batch counts the hits that name it');
});

test('the access log verifies as one chain', async () => {
  const { db } = await import('@/server/db');
  const { verifyChain } = await import('@/server/access-log/verify');
  const result = await verifyChain(db());
  assert.equal(result.intact, true, result.firstBroken?.message);
  assert.equal(result.checked, PROFILE.accessEvents);
  assert.ok(result.checkpoints.checked >= 1, 'the seeded checkpoint is among those verified');
});

test('the log ends with a checkpoint of its head, counting every event', async () => {
  const { rows } = await client.query<{ seq: string; hash: string; count: string; lastSeq: string; head: string; events: string }>(`
    SELECT c.seq::text, c.hash, c.count::text, h."lastSeq"::text, h.hash AS head, (SELECT count(*) FROM "AccessEvent")::text AS events
      FROM "AccessLogCheckpoint" c, "AccessLogHead" h WHERE h.id = 1 ORDER BY c.id DESC LIMIT 1`);
  const [last] = rows;
  assert.ok(last, 'the profile wrote no checkpoint');
  assert.equal(last.seq, last.lastSeq);
  assert.equal(last.hash, last.head);
  assert.equal(last.count, last.events);
});

test('the metrics for the last year show what a direct count shows', async () => {
  const { callerFor } = await import('@/server/testing/factories');
  const { getMetrics } = await import('@/server/metrics/get-metrics');
  const officer = await one<{ id: string; email: string; role: 'PRIVACY_OFFICER' }>(`SELECT id, email, role::text AS role FROM "User" WHERE role = 'PRIVACY_OFFICER' LIMIT 1`);
  const today = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
  const report = await getMetrics(callerFor(officer) as Caller, { from, to: today, granularity: 'month' });
  const direct = await one<{ hits: number; reviewed: number; cleared: number; screened: number }>(`
    SELECT (SELECT count(*) FROM "Hit" WHERE "createdAt" >= $1::date AND "createdAt" < $2::date + 1)::int AS hits,
      (SELECT count(*) FROM "Hit" WHERE "createdAt" >= $1::date AND "createdAt" < $2::date + 1
        AND status IN ('CLEARED', 'CONFIRMED', 'ESCALATION_PENDING', 'ESCALATED'))::int AS reviewed,
      (SELECT count(*) FROM "Hit" WHERE "createdAt" >= $1::date AND "createdAt" < $2::date + 1 AND status = 'CLEARED')::int AS cleared,
      (SELECT sum(n) FROM (SELECT day, coalesce(max(n) FILTER (WHERE s IS NOT NULL), 0) + coalesce(sum(n) FILTER (WHERE s IS NULL), 0) AS n
         FROM (SELECT day, "sourceId" AS s, sum("travellersScreened") AS n FROM "ScreeningBatch"
               WHERE day >= $1::date AND day <= $2::date AND status = 'COMPLETED' GROUP BY 1, 2) p GROUP BY day) d)::float8 AS screened`, [from, today]);
  assert.equal(report.funnel.totals.hits, direct.hits);
  assert.equal(report.funnel.totals.reviewed, direct.reviewed);
  assert.equal(report.funnel.totals.cleared, direct.cleared);
  assert.equal(report.funnel.totals.screened, direct.screened);
  assert.ok(report.funnel.totals.disclosed > 0, 'approved escalations were disclosed');
});

test('a rerun adds nothing', async () => {
  const again = await seedProfile(url, PROFILE, { log: () => {}, quiet: true });
  for (const step of again.steps.filter((s) => s.step !== 'screening batches')) assert.equal(step.added, 0, `${step.step} added ${step.added}`);
  assert.deepEqual({ ...again.counts, screeningBatches: 0, travellersScreened: 0 }, { ...first.counts, screeningBatches: 0, travellersScreened: 0 });
});

test('a database holding data that is not demo data is refused', async () => {
  await client.query(`INSERT INTO "User" (id, email, name, role, unit, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), 'someone@unit.example', 'Someone', 'ANALYST', 'PIU', 'x', now())`);
  await assert.rejects(seedProfile(url, PROFILE, { log: () => {}, quiet: true }), NonDemoDataError);
});
