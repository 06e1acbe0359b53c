import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { explanationSentences, MASKED_UNDER_RETENTION } from '@/lib/hits/explanation-sentences';
import { verifyChain } from '@/server/access-log/verify';
import { decideEscalation } from '@/server/escalations/decide-escalation';
import { getDisclosurePackage } from '@/server/escalations/get-disclosure-package';
import { requestEscalation } from '@/server/escalations/request-escalation';
import { db } from '@/server/db';
import { ConflictError } from '@/server/errors';
import { getHit } from '@/server/hits/get-hit';
import { revealField } from '@/server/hits/reveal-field';
import { callerFor, chainedAccessEvents, createHit, createUser } from '@/server/testing/factories';
import { runRetention } from './run-retention';
import { sealTravellerData } from './traveller-vault';

after(() => db().$disconnect());

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

/** A hit whose traveller was collected `days` ago (the factory collects now). */
async function hitCollected(days: number, status: 'NEW' | 'IN_REVIEW' | 'CLEARED' = 'IN_REVIEW') {
  const created = await createHit({ status });
  await db().traveller.update({ where: { id: created.traveller.id }, data: { collectedAt: daysAgo(days) } });
  return created;
}

async function recipientId(): Promise<string> {
  const recipient = await db().recipientAuthority.upsert({ where: { name: 'Retention test police' }, update: {}, create: { name: 'Retention test police', country: 'DEU' } });
  return recipient.id;
}

async function escalate(hit: { id: string; version: number }) {
  const analyst = await createUser('ANALYST');
  const { id } = await requestEscalation(callerFor(analyst), hit.id, {
    legalBasis: 'PNR_6_2_A',
    offenceCategory: 'terrorism',
    objectiveFacts: 'Same family name, same date of birth and same passport series as the listed person.',
    necessity: 'The federal police need identity and itinerary to act on the alert, nothing more than that.',
    dataCategories: ['PASSPORT'],
    recipientId: await recipientId(),
    urgency: 'ROUTINE',
    hitVersion: hit.version,
  });
  return id;
}

test('past six months the identifying data are sealed and cleared; statistics and younger travellers stay', async () => {
  const old = await hitCollected(200);
  const young = await hitCollected(100);
  const result = await runRetention();
  assert.ok(result, 'the run took the lock');
  assert.ok(result.masked >= 1);

  const masked = await db().traveller.findUniqueOrThrow({ where: { id: old.traveller.id } });
  assert.ok(masked.maskedAt);
  for (const field of ['familyName', 'givenNames', 'dateOfBirth', 'documentNumber', 'contactEmail'] as const) assert.equal(masked[field], null, field);
  assert.equal(masked.sex, 'U');
  assert.deepEqual([masked.nationality, masked.yearOfBirth, masked.flightDate.toISOString()], [old.traveller.nationality, old.traveller.yearOfBirth, old.traveller.flightDate.toISOString()]);

  const sealed = await db().maskedTravellerData.findUniqueOrThrow({ where: { travellerId: old.traveller.id } });
  const stored = Buffer.concat([sealed.ciphertext, sealed.wrappedKey]).toString('latin1');
  assert.ok(!stored.includes('Quartermain') && !stored.includes(old.traveller.documentNumber as string), 'the sealed record is not readable as it lies');

  const untouched = await db().traveller.findUniqueOrThrow({ where: { id: young.traveller.id } });
  assert.equal(untouched.maskedAt, null);
  assert.equal(untouched.familyName, 'Quartermain');

  const events = await (await chainedAccessEvents()).findMany({ where: { travellerId: old.traveller.id, operation: 'ERASURE' } });
  assert.equal(events.length, 1);
  assert.equal((events[0]?.details as { action?: string }).action, 'mask');

  const analyst = callerFor(await createUser('ANALYST'));
  await assert.rejects(revealField(analyst, old.hit.id, { field: 'familyName', purpose: 'IDENTITY_COMPARISON' }), ConflictError);
  // Nothing was shown, so no reveal is in the log.
  assert.equal(await (await chainedAccessEvents()).count({ where: { requestId: analyst.requestId } }), 0);
  const detail = await getHit(analyst, old.hit.id);
  assert.doesNotMatch(JSON.stringify(detail), /Quartermain/);
});

/** Every hit of a traveller as stored, with its row version (xmin): what an UPDATE would change. */
const hitRowsOf = (travellerId: string) =>
  db().$queryRaw<{ id: string; xmin: string; updatedAt: Date; explanation: string }[]>`
    SELECT id, xmin::text AS xmin, "updatedAt", explanation::text AS explanation FROM "Hit" WHERE "travellerId" = ${travellerId}::uuid ORDER BY id`;

test('masking a traveller writes none of its hits; their explanations then show no traveller value', async () => {
  const { hit, traveller } = await hitCollected(200);
  // A second hit of the same traveller, against the same entry.
  await db().hit.create({
    data: {
      travellerId: hit.travellerId, entryId: hit.entryId, entryVersion: hit.entryVersion, sourceId: hit.sourceId, offenceCategory: hit.offenceCategory,
      flightDate: hit.flightDate, score: hit.score, explanation: hit.explanation as never, status: 'CLEARED', clearReason: 'DIFFERENT_DOB', dueAt: hit.dueAt,
    },
  });
  const before = await hitRowsOf(traveller.id);
  assert.equal(before.length, 2);

  await runRetention();
  assert.ok((await db().traveller.findUniqueOrThrow({ where: { id: traveller.id } })).maskedAt, 'the traveller was masked');
  assert.deepEqual(await hitRowsOf(traveller.id), before, 'no hit row was rewritten (same row version, updatedAt and explanation)');

  const detail = await getHit(callerFor(await createUser('ANALYST')), hit.id);
  assert.doesNotMatch(JSON.stringify(detail), /Quartermain|P[0-9a-f]{8}|1980-04-02/);
  const family = detail.explanation.find((item) => item.field === 'familyName');
  assert.deepEqual([family?.travellerValue, family?.maskedByRetention], [null, true]);
  assert.equal(explanationSentences(detail.explanation)[0]?.text, `Family name ${MASKED_UNDER_RETENTION} matches QUARTERMAIN (exact, 1.00)`);
});

test('after masking, a date of birth is compared by the year retention keeps', async () => {
  const { hit } = await hitCollected(200);
  await db().hit.update({
    where: { id: hit.id },
    data: {
      explanation: [
        { field: 'dateOfBirth', method: 'exact', travellerField: 'dateOfBirth', entryValue: '1980', similarity: 1, agrees: true, precision: 'YEAR' },
        { field: 'dateOfBirth', method: 'none', travellerField: 'dateOfBirth', entryValue: '1979-04-02', similarity: 0, agrees: false, precision: 'DAY' },
      ],
    },
  });
  await runRetention();
  const detail = await getHit(callerFor(await createUser('ANALYST')), hit.id);
  assert.deepEqual(detail.explanation.map((item) => [item.travellerValue, item.maskedByRetention, item.retainedYear]), [[null, true, '1980'], [null, true, '1980']]);
  assert.deepEqual(explanationSentences(detail.explanation).map((sentence) => sentence.text), [
    'Year of birth 1980 agrees; the list gives no day',
    'Date of birth 1980 (day and month masked under retention) differs from the listed 1979-04-02',
  ]);
});

test('a record sealed before hits stopped quoting the traveller (with hitExplanations) still opens for a re-personalisation', async () => {
  const { hit, traveller } = await hitCollected(200);
  // Masked as the job did before issue 11: the hit's quoted values sealed beside the traveller's, then cleared.
  const sealed = sealTravellerData(traveller.id, {
    traveller: { familyName: 'Quartermain', givenNames: 'Zebedee', dateOfBirth: '1980-04-02', sex: 'U', documentNumber: traveller.documentNumber, contactEmail: traveller.contactEmail },
    hitExplanations: { [hit.id]: [{ field: 'familyName', travellerValue: 'Quartermain' }, { field: 'document', travellerValue: traveller.documentNumber }] },
    disclosures: {},
  });
  await db().maskedTravellerData.create({ data: { travellerId: traveller.id, ...sealed } });
  await db().traveller.update({
    where: { id: traveller.id },
    data: { familyName: null, givenNames: null, dateOfBirth: null, documentNumber: null, contactEmail: null, sex: 'U', externalRef: null, maskedAt: new Date() },
  });
  await db().hit.update({ where: { id: hit.id }, data: { explanation: [{ field: 'familyName', method: 'exact', travellerValue: 'Q****', entryValue: 'QUARTERMAIN', similarity: 1, agrees: true }] } });

  const escalationId = await escalate(await db().hit.findUniqueOrThrow({ where: { id: hit.id } }));
  const escalation = await db().escalation.findUniqueOrThrow({ where: { id: escalationId } });
  await decideEscalation(callerFor(await createUser('SUPERVISOR')), escalationId, { decision: 'approve', version: escalation.version });
  const requester = callerFor(await db().user.findUniqueOrThrow({ where: { id: escalation.requesterId } }));
  const passport = JSON.stringify((await getDisclosurePackage(requester, escalationId)).categories);
  assert.match(passport, /Quartermain/);
  assert.match(passport, new RegExp(traveller.documentNumber as string));
  assert.match(passport, /1980-04-02/);
  // The old hit's masked copy is not shown: the value comes from the (cleared) traveller row.
  const detail = await getHit(requester, hit.id);
  assert.deepEqual(detail.explanation.map((item) => [item.travellerValue, item.maskedByRetention]), [[null, true]]);
});

test('an approved re-personalisation discloses the sealed values; nothing else reads them', async () => {
  const { hit, traveller } = await hitCollected(200);
  await runRetention();
  assert.ok((await db().traveller.findUniqueOrThrow({ where: { id: traveller.id } })).maskedAt);
  const escalationId = await escalate(await db().hit.findUniqueOrThrow({ where: { id: hit.id } }));
  const escalation = await db().escalation.findUniqueOrThrow({ where: { id: escalationId } });
  assert.equal(escalation.repersonalisation, true);
  const supervisor = callerFor(await createUser('SUPERVISOR'));
  await decideEscalation(supervisor, escalationId, { decision: 'approve', version: escalation.version });
  const requester = callerFor(await db().user.findUniqueOrThrow({ where: { id: escalation.requesterId } }));
  const pkg = await getDisclosurePackage(requester, escalationId);
  const passport = JSON.stringify(pkg.categories);
  assert.match(passport, /Quartermain/);
  assert.match(passport, new RegExp(traveller.documentNumber as string));
  assert.match(passport, /1980-04-02/);
});

test('an approved escalation keeps its traveller unmasked while the recipient may open the package; once it expires, both are sealed', async () => {
  const { hit, traveller } = await hitCollected(200);
  const escalationId = await escalate(hit);
  const escalation = await db().escalation.findUniqueOrThrow({ where: { id: escalationId } });
  await decideEscalation(callerFor(await createUser('SUPERVISOR')), escalationId, { decision: 'approve', version: escalation.version });
  await runRetention();
  assert.equal((await db().traveller.findUniqueOrThrow({ where: { id: traveller.id } })).maskedAt, null, 'the package is still open');

  await db().disclosurePackage.update({ where: { escalationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await runRetention();
  assert.ok((await db().traveller.findUniqueOrThrow({ where: { id: traveller.id } })).maskedAt);
  const pkg = await db().disclosurePackage.findUniqueOrThrow({ where: { escalationId } });
  assert.doesNotMatch(JSON.stringify(pkg.content), /Quartermain/i, 'the expired package is sealed with the traveller');
});

test('past five years a traveller is erased with its hits, sealed record and cleared-hit memory; an open escalation holds it', async () => {
  const gone = await hitCollected(1830, 'CLEARED');
  // Not yet expired on its own: it goes because the hit it rests on goes.
  await db().suppression.create({ data: { identityKey: `retention-${gone.traveller.id}`, entryId: gone.entry.id, entryVersion: gone.entry.version, originHitId: gone.hit.id, reason: 'test', expiresAt: new Date(Date.now() + DAY_MS) } });
  const held = await hitCollected(1830);
  const escalationId = await escalate(held.hit);

  const result = await runRetention();
  assert.ok(result);
  assert.ok(result.erased >= 1);
  assert.ok(result.held >= 1);
  assert.equal(await db().traveller.count({ where: { id: gone.traveller.id } }), 0);
  assert.equal(await db().hit.count({ where: { id: gone.hit.id } }), 0);
  assert.equal(await db().maskedTravellerData.count({ where: { travellerId: gone.traveller.id } }), 0);
  assert.equal(await db().suppression.count({ where: { originHitId: gone.hit.id } }), 0);
  const erasure = await (await chainedAccessEvents()).findMany({ where: { travellerId: gone.traveller.id, operation: 'ERASURE' } });
  assert.deepEqual(erasure.map((event) => (event.details as { action: string }).action), ['erase']);

  assert.equal(await db().traveller.count({ where: { id: held.traveller.id } }), 1, 'held by the pending escalation');
  assert.ok((await db().traveller.findUniqueOrThrow({ where: { id: held.traveller.id } })).maskedAt, 'a held traveller is still masked');
  const run = await db().retentionRun.findUniqueOrThrow({ where: { id: result.runId } });
  assert.deepEqual([run.status, run.erased, run.held, run.dryRun], ['COMPLETED', result.erased, result.held, false]);

  // Withdrawn or rejected, the hold ends and the next run erases it.
  await db().escalation.update({ where: { id: escalationId }, data: { status: 'WITHDRAWN' } });
  await runRetention();
  assert.equal(await db().traveller.count({ where: { id: held.traveller.id } }), 0);
});

test('a dry run changes nothing and counts what a run would do; a second run finds nothing left', async () => {
  const due = await hitCollected(400);
  const dry = await runRetention({ dryRun: true });
  assert.ok(dry && dry.masked >= 1 && dry.dryRun);
  assert.equal((await db().traveller.findUniqueOrThrow({ where: { id: due.traveller.id } })).maskedAt, null);
  const real = await runRetention();
  assert.equal(real?.masked, dry.masked, 'the dry run counted exactly what the run did');
  const again = await runRetention();
  assert.deepEqual([again?.masked, again?.erased], [0, 0]);
});

test('one run at a time: a second started meanwhile does nothing', async () => {
  await hitCollected(300);
  const [first, second] = await Promise.all([runRetention(), runRetention()]);
  assert.equal([first, second].filter((result) => result === null).length, 1);
});

test('a shorter policy for cleared hits masks travellers whose every hit was cleared, only those', async () => {
  const policy = await db().retentionPolicy.upsert({
    where: { dataClass: 'CLEARED_HIT' },
    update: { maskAfterDays: 30 },
    create: { dataClass: 'CLEARED_HIT', maskAfterDays: 30, eraseAfterDays: 1826, legalBasis: 'test' },
  });
  try {
    const cleared = await hitCollected(40, 'CLEARED');
    const open = await hitCollected(40, 'IN_REVIEW');
    // One hit cleared, another of the same traveller still open: not every hit was cleared.
    const mixed = await hitCollected(40, 'CLEARED');
    const other = await createHit({ status: 'IN_REVIEW' });
    await db().hit.update({ where: { id: other.hit.id }, data: { travellerId: mixed.traveller.id } });
    await runRetention();
    assert.ok((await db().traveller.findUniqueOrThrow({ where: { id: cleared.traveller.id } })).maskedAt);
    assert.equal((await db().traveller.findUniqueOrThrow({ where: { id: open.traveller.id } })).maskedAt, null);
    assert.equal((await db().traveller.findUniqueOrThrow({ where: { id: mixed.traveller.id } })).maskedAt, null, 'one of its hits is still open');
  } finally {
    await db().retentionPolicy.update({ where: { id: policy.id }, data: { maskAfterDays: null } });
  }
});

test('access events past five years are erased from the start of the chain, and the log still verifies', async () => {
  const events = await chainedAccessEvents();
  const before = await verifyChain(db());
  assert.ok(before.intact, `precondition: the log verifies (${before.firstBroken?.message})`);
  const head = await db().accessLogHead.findUniqueOrThrow({ where: { id: 1 } });
  const first = head.erasedThroughSeq + 1n;
  const through = first + 9n;
  // Ten events made five years and a day old (outside the app: the trigger refuses it, so as the superuser the tests run as).
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
    await tx.$executeRaw`UPDATE "AccessEvent" SET at = now() - interval '5 years 1 day' WHERE seq BETWEEN ${first} AND ${through}`;
  });

  // The people those ten events name, and what the per-person counts say of them before.
  const named = (await events.findMany({ where: { seq: { gte: first, lte: through }, travellerId: { not: null } }, select: { travellerId: true } })).map((e) => e.travellerId as string);
  const countsOf = async () =>
    db().$queryRaw<{ travellerId: string; operation: string; kept: bigint; logged: bigint }[]>`
      SELECT c."travellerId"::text AS "travellerId", c.operation::text AS operation, c.events AS kept,
             (SELECT count(*) FROM "AccessEvent" e WHERE e."travellerId" = c."travellerId" AND e.operation = c.operation) AS logged
        FROM "AccessEventPersonCount" c WHERE c."travellerId" = ANY(${named}::uuid[]) ORDER BY 1, 2`;

  const result = await runRetention();
  assert.equal(result?.eventsErased, 10);
  assert.equal(await events.count({ where: { seq: { lte: through } } }), 0);
  // The per-person counts lost exactly what was erased.
  for (const row of await countsOf()) assert.equal(row.kept, row.logged, `${row.travellerId} ${row.operation}`);
  const moved = await db().accessLogHead.findUniqueOrThrow({ where: { id: 1 } });
  assert.equal(moved.erasedThroughSeq, through);
  const erasure = await (await chainedAccessEvents()).findFirst({ where: { operation: 'ERASURE', resourceType: 'access-log' }, orderBy: { seq: 'desc' } });
  assert.deepEqual((erasure?.details as { throughSeq: string }).throughSeq, through.toString());
  const after = await verifyChain(db());
  assert.ok(after.intact, after.firstBroken?.message);

  // Young events stay, even for a session that declares itself the erasure.
  await assert.rejects(
    db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('proportio.erasure', 'on', true)`;
      await tx.$executeRaw`DELETE FROM "AccessEvent" WHERE seq = ${through + 1n}`;
    }),
    /append-only/,
  );

  // Deleting the next event and moving the start over it, as if retention had, is caught
  // (checked inside a transaction that is then rolled back, so the log stays whole).
  const rolledBack = new Error('roll back');
  await assert.rejects(
    db().$transaction(async (tx) => {
      const [next] = await tx.$queryRaw<{ hash: string }[]>`SELECT hash FROM "AccessEvent" WHERE seq = ${through + 1n}`;
      await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
      await tx.$executeRaw`DELETE FROM "AccessEvent" WHERE seq = ${through + 1n}`;
      await tx.$executeRaw`UPDATE "AccessLogHead" SET "erasedThroughSeq" = ${through + 1n}, "erasedThroughHash" = ${next?.hash} WHERE id = 1`;
      const forged = await verifyChain(tx);
      assert.equal(forged.intact, false);
      assert.match(forged.firstBroken?.message ?? '', /no retention erasure accounts for them/);
      throw rolledBack;
    }),
    (error) => error === rolledBack,
  );
});

test('stored answers to an Idempotency-Key are forgotten after a day', async () => {
  const token = await db().apiToken.create({ data: { name: 'idempotency retention', prefix: crypto.randomUUID().slice(0, 8), tokenHash: crypto.randomUUID().replace(/-/g, '').padEnd(64, '0'), scopes: ['travellers:write'], expiresAt: new Date(Date.now() + DAY_MS) } });
  await db().idempotencyKey.createMany({
    data: [
      { tokenId: token.id, key: 'old-answer', requestHash: 'x', status: 201, response: {}, createdAt: new Date(Date.now() - 25 * 3_600_000) },
      { tokenId: token.id, key: 'fresh-answer', requestHash: 'x', status: 201, response: {}, createdAt: new Date(Date.now() - 23 * 3_600_000) },
    ],
  });
  await runRetention();
  const left = await db().idempotencyKey.findMany({ where: { tokenId: token.id }, select: { key: true } });
  assert.deepEqual(left.map((row) => row.key), ['fresh-answer']);
});
