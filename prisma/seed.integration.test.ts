import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { verify } from '@node-rs/argon2';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/generated/prisma/client';
import { env } from '@/lib/env';
import directive from '@/lib/reference/pnr-directive.json';
import { migrate } from '@/scripts/db/database.mts';
import { freePort, startEmbeddedPostgres } from '@/scripts/db/embedded.mts';
import { chainHash, GENESIS_HASH } from '@/server/access-log/chain';
import { parseSdnCsv } from '@/server/ingest/ofac/parse-sdn';
import { DEMO_USERS } from './demo-users';
import { OFFENCE_CATEGORIES, seed, type SeedOptions, type SeedSummary } from './seed';
import { SYNTHETIC_SIZES } from './seed-watchlists';

// The seed against a database of its own (a throw-away embedded cluster, or a fresh
// database on the server DATABASE_URL names): its counts must be exact, so it cannot
// share the integration tests' database.

const SDN_PATH = path.resolve(process.cwd(), 'prisma/data/ofac-sdn-2024-05-03/sdn.csv');
const OPTIONS: SeedOptions = { travellers: 600, hits: 80, days: 10, now: new Date('2026-03-15T09:30:00Z'), sdnPath: SDN_PATH };
const DUE_HOURS = directive.scaleAnchors.etiasManualVerificationHours.value;
const DAY_MS = 24 * 60 * 60 * 1000;

async function freshDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const name = `proportio_seed_${process.pid}_${Date.now()}`;
  const serverUrl = env().DATABASE_URL;
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      stop: async () => {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'proportio-seed-'));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: name, ephemeral: true });
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function tableCounts(prisma: PrismaClient) {
  return {
    users: await prisma.user.count(),
    sources: await prisma.watchlistSource.count(),
    entries: await prisma.watchlistEntry.count(),
    recipients: await prisma.recipientAuthority.count(),
    policies: await prisma.retentionPolicy.count(),
    batches: await prisma.screeningBatch.count(),
    travellers: await prisma.traveller.count(),
    hits: await prisma.hit.count(),
    hitEvents: await prisma.hitEvent.count(),
    escalations: await prisma.escalation.count(),
    accessEvents: await prisma.accessEvent.count(),
  };
}

describe('seed', () => {
  let database: { url: string; stop: () => Promise<void> } | undefined;
  let prisma: PrismaClient;
  let first: SeedSummary;

  before(async () => {
    database = await freshDatabase();
    await migrate(database.url);
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    first = await seed(prisma, OPTIONS);
  });

  after(async () => {
    await prisma?.$disconnect();
    await database?.stop();
  });

  it('creates the demo users with argon2id hashes of their passwords', async () => {
    const users = await prisma.user.findMany();
    assert.equal(users.length, DEMO_USERS.length);
    for (const demo of DEMO_USERS) {
      const user = users.find((u) => u.email === demo.email);
      assert.ok(user, demo.email);
      assert.equal(user.role, demo.role);
      assert.match(user.passwordHash, /^\$argon2id\$/);
      assert.ok(await verify(user.passwordHash, demo.password), `${demo.email} verifies`);
    }
  });

  it('imports the whole OFAC list and the synthetic lists', async () => {
    const parsed = parseSdnCsv(readFileSync(SDN_PATH, 'utf8'));
    const sources = await prisma.watchlistSource.findMany();
    const byCode = new Map(sources.map((s) => [s.code, s.id]));
    const countOf = (code: string, type?: 'INDIVIDUAL') => prisma.watchlistEntry.count({ where: { sourceId: byCode.get(code), type } });
    assert.equal(await countOf('OFAC-SDN'), parsed.entries.length);
    assert.equal(await countOf('OFAC-SDN', 'INDIVIDUAL'), parsed.entries.filter((e) => e.type === 'INDIVIDUAL').length);
    assert.equal(await countOf('NATIONAL-ALERTS'), SYNTHETIC_SIZES['NATIONAL-ALERTS']);
    assert.equal(await countOf('SIS-LIKE'), SYNTHETIC_SIZES['SIS-LIKE']);
    const categories = await prisma.watchlistEntry.groupBy({ by: ['offenceCategory'], where: { sourceId: { not: byCode.get('OFAC-SDN') } } });
    for (const { offenceCategory } of categories) assert.ok(OFFENCE_CATEGORIES.includes(offenceCategory), offenceCategory);
    assert.equal(await prisma.retentionPolicy.count(), 4);
  });

  it('creates the travellers and hits asked for, inside the window', async () => {
    assert.equal(await prisma.traveller.count(), OPTIONS.travellers);
    assert.equal(await prisma.hit.count(), OPTIONS.hits);
    const now = (OPTIONS.now as Date).getTime();
    const travellers = await prisma.traveller.findMany({ select: { collectedAt: true, flightDate: true } });
    for (const t of travellers) {
      assert.ok(t.collectedAt.getTime() <= now);
      assert.ok(t.flightDate.getTime() <= now);
      assert.ok(t.collectedAt.getTime() >= now - (OPTIONS.days as number) * DAY_MS);
    }
  });

  it('gives every batch the real denominator: travellers collected that day, hits of its list that day', async () => {
    const batches = await prisma.screeningBatch.findMany({ include: { _count: { select: { hits: true } } } });
    const perDay = await prisma.$queryRaw<{ day: Date; count: bigint }[]>`
      SELECT ("collectedAt" AT TIME ZONE 'UTC')::date AS day, count(*) AS count FROM "Traveller" GROUP BY 1`;
    const collected = new Map(perDay.map((row) => [row.day.toISOString().slice(0, 10), Number(row.count)]));
    const sources = new Set(batches.map((b) => b.sourceId));
    for (const sourceId of sources) {
      const own = batches.filter((b) => b.sourceId === sourceId);
      assert.equal(own.length, OPTIONS.days);
      assert.equal(own.reduce((sum, b) => sum + b.travellersScreened, 0), OPTIONS.travellers);
      for (const batch of own) assert.equal(batch.travellersScreened, collected.get(batch.day.toISOString().slice(0, 10)) ?? 0);
    }
    for (const batch of batches) assert.equal(batch.hitsCreated, batch._count.hits);
  });

  it('leaves one COLLECTION event per traveller and one COMBINATION event per hit', async () => {
    const collections = await prisma.accessEvent.findMany({ where: { operation: 'COLLECTION' } });
    const travellerIds = new Set((await prisma.traveller.findMany({ select: { id: true } })).map((t) => t.id));
    assert.equal(collections.length, travellerIds.size);
    assert.deepEqual(new Set(collections.map((e) => e.travellerId)), travellerIds);
    const combinations = await prisma.accessEvent.findMany({ where: { operation: 'COMBINATION' } });
    const hits = await prisma.hit.findMany({ select: { id: true, entryId: true, travellerId: true } });
    assert.equal(combinations.length, hits.length);
    for (const hit of hits) {
      const event = combinations.find((e) => e.resourceId === hit.id);
      assert.ok(event, `hit ${hit.id} has its event`);
      assert.equal(event.travellerId, hit.travellerId);
      assert.equal((event.details as { entryId?: string }).entryId, hit.entryId);
    }
    assert.equal(await prisma.accessEvent.count(), first.created.accessEvents);
  });

  it('keeps the access log one unbroken hash chain', async () => {
    const events = await prisma.accessEvent.findMany({ orderBy: { seq: 'asc' } });
    let prevHash = GENESIS_HASH;
    let seq = 1n;
    for (const event of events) {
      assert.equal(event.seq, seq);
      assert.equal(event.prevHash, prevHash);
      assert.equal(chainHash(prevHash, event), event.hash);
      prevHash = event.hash;
      seq += 1n;
    }
    const head = await prisma.accessLogHead.findUniqueOrThrow({ where: { id: 1 } });
    assert.equal(head.lastSeq, seq - 1n);
    assert.equal(head.hash, prevHash);
  });

  it('seeds a plausible review state: a queue, honest clear reasons, four-eyes escalations', async () => {
    const now = (OPTIONS.now as Date).getTime();
    const hits = await prisma.hit.findMany({ include: { events: { orderBy: { at: 'asc' } }, traveller: { select: { flightDate: true } } } });
    const recent = hits.filter((h) => now - h.createdAt.getTime() < 2 * DAY_MS);
    assert.ok(recent.length > 0);
    assert.ok(recent.filter((h) => h.status === 'NEW' && h.assigneeId === null).length * 2 >= recent.length);
    for (const hit of hits) {
      assert.equal(hit.dueAt.getTime() - hit.createdAt.getTime(), DUE_HOURS * 60 * 60 * 1000);
      assert.equal(hit.flightDate.getTime(), hit.traveller.flightDate.getTime());
      assert.ok(hit.score >= 0 && hit.score <= 1);
      assert.ok(hit.priority >= 1 && hit.priority <= 5);
      assert.equal(hit.events[0]?.type, 'CREATED');
      assert.equal(hit.events[hit.events.length - 1]?.toStatus, hit.status);
      for (const event of hit.events) assert.ok(event.at.getTime() >= hit.createdAt.getTime() && event.at.getTime() <= now);
      if (hit.status === 'CLEARED') {
        const explanation = hit.explanation as { field: string; agrees: boolean | null }[];
        const field = { DIFFERENT_DOB: 'dateOfBirth', DIFFERENT_NATIONALITY: 'nationality', DIFFERENT_DOCUMENT: 'document' }[hit.clearReason ?? ''];
        assert.ok(field, `clear reason ${hit.clearReason}`);
        assert.equal(explanation.find((item) => item.field === field)?.agrees, false, `${hit.clearReason} rests on a disagreeing ${field}`);
      }
    }
    assert.ok(hits.some((h) => h.status === 'CLEARED'));
    const escalations = await prisma.escalation.findMany();
    assert.ok(escalations.length > 0);
    for (const escalation of escalations) {
      assert.notEqual(escalation.deciderId, escalation.requesterId);
      assert.ok(escalation.objectiveFacts.length >= 50);
      assert.ok(escalation.necessity.length >= 50);
    }
  });

  it('creates nothing the second time', async () => {
    const before = await tableCounts(prisma);
    const head = await prisma.accessLogHead.findUniqueOrThrow({ where: { id: 1 } });
    const second = await seed(prisma, OPTIONS);
    for (const [part, created] of Object.entries(second.created)) assert.equal(created, 0, `${part} created again`);
    assert.deepEqual(await tableCounts(prisma), before);
    assert.deepEqual(await prisma.accessLogHead.findUniqueOrThrow({ where: { id: 1 } }), head);
  });
});
