import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, test } from 'node:test';
import { Prisma } from '@/generated/prisma/client';
import { db } from '@/server/db';
import { callerFor, chainedAccessEvents, createUser } from '@/server/testing/factories';
import { chainHash } from './chain';
import { eventsOfRows } from './record-in-statement';
import { verifyChain } from './verify';

after(() => db().$disconnect());

const shared = { operation: 'CONSULTATION' as const, resourceType: 'hit', purpose: 'test: “read”', details: { view: 'test', fields: ['a', 'b'] } };

/** A read of `ids` (in the order given by n) that records one event per row. */
const readRecording = (caller: Parameters<typeof eventsOfRows>[0], rows: { id: string; travellerId: string | null; n: number }[], after = Prisma.sql`SELECT count(*) FROM input`) =>
  db().$queryRaw<unknown[]>`
    WITH input AS (SELECT * FROM unnest(${rows.map((row) => row.id)}::uuid[], ${rows.map((row) => row.travellerId)}::uuid[], ${rows.map((row) => row.n)}::int[]) AS r(id, traveller, n)),
         recorded AS (${eventsOfRows(caller, shared, Prisma.sql`SELECT id AS resource_id, traveller AS traveller_id, n FROM input`)})
    ${after}`;

test('a read records one event per row, in the rows’ order, each hashed as contentHash of the stored event', async () => {
  // Free text that needs care: quotes, a NUL (stored as U+FFFD), non-ASCII.
  const caller = { ...callerFor(await createUser('ANALYST')), actorLabel: 'Zoë "x" \u0000', userAgent: 'agent \u00e9\u4e2d' };
  const rows = [
    { id: randomUUID(), travellerId: randomUUID(), n: 3 },
    { id: randomUUID(), travellerId: null, n: 1 },
    { id: randomUUID(), travellerId: randomUUID(), n: 2 },
  ];
  await readRecording(caller, rows);
  const events = await (await chainedAccessEvents()).findMany({ where: { requestId: caller.requestId }, orderBy: { seq: 'asc' } });
  const inOrder = rows.toSorted((a, b) => a.n - b.n);
  assert.deepEqual(events.map((event) => [event.resourceId, event.travellerId]), inOrder.map((row) => [row.id, row.travellerId]));
  for (const event of events) {
    assert.equal(event.actorLabel, 'Zoë "x" \ufffd');
    assert.deepEqual(event.details, shared.details);
    assert.equal(event.hash, chainHash(event.prevHash, event), `event ${event.seq}`);
  }
  const verification = await verifyChain(db());
  assert.equal(verification.intact, true, verification.firstBroken?.message);
});

test('a read of no rows records nothing, and a statement that fails records nothing', async () => {
  const caller = callerFor(await createUser('ANALYST'));
  await readRecording(caller, []);
  await assert.rejects(readRecording(caller, [{ id: randomUUID(), travellerId: randomUUID(), n: 1 }], Prisma.sql`SELECT 1 / (SELECT count(*) - 1 FROM input)`));
  assert.equal(await (await chainedAccessEvents()).count({ where: { requestId: caller.requestId } }), 0);
});

test('a count column of the rows goes into each event’s details, and the hash still matches', async () => {
  const caller = callerFor(await createUser('PRIVACY_OFFICER'));
  const travellerId = randomUUID();
  await db().$queryRaw`WITH recorded AS (${eventsOfRows(caller, { operation: 'CONSULTATION', resourceType: 'person-report', details: { view: 'x' } },
    Prisma.sql`SELECT ${travellerId}::uuid AS resource_id, ${travellerId}::uuid AS traveller_id, 1 AS n, 42 AS shown`, { counts: ['shown'] })}) SELECT 1`;
  const [event] = await (await chainedAccessEvents()).findMany({ where: { requestId: caller.requestId } });
  assert.deepEqual(event?.details, { view: 'x', shown: 42 });
  assert.equal(event?.hash, event && chainHash(event.prevHash, event));
});
