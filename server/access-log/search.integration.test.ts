import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, test } from 'node:test';
import { ForbiddenError } from '@/server/auth/errors';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { getHit } from '@/server/hits/get-hit';
import { revealField } from '@/server/hits/reveal-field';
import { callerFor, chainedAccessEvents, createHit, createUser } from '@/server/testing/factories';
import { ACCESS_LOG_PAGE_SIZE } from '@/lib/schemas/access-log';
import { recordAccessEvents } from './record';
import { SearchTooBroadError, searchTooBroad } from './search-timeout';
import { EXPORT_BATCH, exportAccessLog } from './export-access-log';
import { chainAccessEvents } from './chainer';
import { getPersonReport } from './get-person-report';
import { searchAccessLog } from './search-access-log';
import { verifyChain } from './verify';

after(() => db().$disconnect());

/** The log's reading order: newest first by the time of the event, then by its place in the chain. */
function assertNewestFirst(items: { at: string; seq: string }[]) {
  for (let i = 1; i < items.length; i += 1) {
    const [newer, older] = [items[i - 1]!, items[i]!];
    const ordered = Date.parse(newer.at) > Date.parse(older.at) || (newer.at === older.at && BigInt(newer.seq) > BigInt(older.seq));
    assert.ok(ordered, `event ${newer.seq} (${newer.at}) comes before ${older.seq} (${older.at})`);
  }
}

async function collect(chunks: AsyncGenerator<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

test('the officer finds a person by booking reference; the lookup is logged without the value typed', async () => {
  const { hit, traveller } = await createHit();
  const reference = `R${traveller.id.slice(0, 5).toUpperCase()}`;
  await db().traveller.update({ where: { id: traveller.id }, data: { bookingReference: reference } });
  const analyst = await createUser('ANALYST');
  await getHit(callerFor(analyst), hit.id);
  await revealField(callerFor(analyst), hit.id, { field: 'familyName', purpose: 'IDENTITY_COMPARISON' });

  const officer = callerFor(await createUser('PRIVACY_OFFICER'));
  await chainAccessEvents(); // as the server's chainer does a moment after each request
  const page = await searchAccessLog(officer, { bookingReference: reference.toLowerCase() });
  assert.deepEqual(page.persons?.map((person) => person.travellerId), [traveller.id]);
  assert.ok(page.items.length >= 2);
  assert.ok(page.items.every((item) => item.travellerId === traveller.id));
  assert.ok(page.items.some((item) => item.purpose === 'Compare identity with the watchlist entry'));
  assertNewestFirst(page.items);

  const [lookup] = await (await chainedAccessEvents()).findMany({ where: { requestId: officer.requestId } });
  assert.equal(lookup?.resourceType, 'traveller-lookup');
  assert.equal(lookup?.travellerId, traveller.id);
  const stored = JSON.stringify(lookup, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  assert.doesNotMatch(stored, new RegExp(reference, 'i'), 'the typed booking reference is not stored');
});

test('a search by person or by user is one event: whom it named, its filters and how many it showed, and the chain verifies', async () => {
  const { hit, traveller } = await createHit();
  const analystUser = await createUser('ANALYST');
  await getHit(callerFor(analystUser), hit.id);
  await revealField(callerFor(analystUser), hit.id, { field: 'familyName', purpose: 'IDENTITY_COMPARISON' });
  await chainAccessEvents();
  const recordedBy = async (requestId: string) => (await chainedAccessEvents()).findMany({ where: { requestId } });

  const byPerson = callerFor(await createUser('PRIVACY_OFFICER'));
  const page = await searchAccessLog(byPerson, { travellerId: traveller.id });
  assert.ok(page.items.length >= 2 && page.items.every((item) => item.travellerId === traveller.id));
  assertNewestFirst(page.items);
  const [search, ...more] = await recordedBy(byPerson.requestId);
  assert.equal(more.length, 0, 'one event for the search');
  assert.deepEqual(
    [search?.operation, search?.resourceType, search?.resourceId, search?.travellerId, search?.purpose, search?.details],
    ['CONSULTATION', 'access-log', null, traveller.id, 'Access log search', { filters: ['travellerId'], found: [traveller.id], shown: page.items.length }],
  );

  // Nothing found is still a search about a person, recorded as one.
  const nobody = randomUUID();
  const empty = callerFor(await createUser('PRIVACY_OFFICER'));
  assert.deepEqual((await searchAccessLog(empty, { travellerId: nobody })).items, []);
  const [emptySearch] = await recordedBy(empty.requestId);
  assert.deepEqual([emptySearch?.travellerId, emptySearch?.details], [nobody, { filters: ['travellerId'], found: [nobody], shown: 0 }]);

  const byUser = callerFor(await createUser('PRIVACY_OFFICER'));
  const theirs = await searchAccessLog(byUser, { actor: analystUser.email });
  assert.ok(theirs.items.length >= 2 && theirs.items.every((item) => item.actorLabel === analystUser.email));
  const [userSearch] = await recordedBy(byUser.requestId);
  assert.deepEqual([userSearch?.travellerId, userSearch?.details], [null, { filters: ['actor'], found: null, shown: theirs.items.length }]);

  // The events' content hashes, computed by PostgreSQL from a template, are the ones verification recomputes.
  assert.equal((await verifyChain(db())).intact, true);
});

test('the per-person report covers every event about the person, and reading it is an event', async () => {
  const { hit, traveller } = await createHit();
  const analyst = await createUser('ANALYST');
  await getHit(callerFor(analyst), hit.id);
  const officer = callerFor(await createUser('PRIVACY_OFFICER'));
  const expected = await (await chainedAccessEvents()).count({ where: { travellerId: traveller.id } });
  await chainAccessEvents();
  const report = await getPersonReport(officer, traveller.id);
  assert.equal(report.events.length, expected);
  assert.equal(report.person.maskedName, 'Z. Q****');
  assert.equal(report.summary.reduce((sum, row) => sum + row.count, 0), expected);
  assert.equal(await (await chainedAccessEvents()).count({ where: { travellerId: traveller.id } }), expected + 1, 'the report itself was recorded');
  const [recorded] = await (await chainedAccessEvents()).findMany({ where: { requestId: officer.requestId } });
  assert.deepEqual([recorded?.resourceType, recorded?.details], ['person-report', { shown: report.events.length }]);
  assert.deepEqual([report.person.flightDate, report.person.collectedAt], [traveller.flightDate.toISOString().slice(0, 10), traveller.collectedAt.toISOString()]);

  // No traveller and no event: not found, and nothing recorded.
  const nobody = callerFor(await createUser('PRIVACY_OFFICER'));
  await assert.rejects(getPersonReport(nobody, randomUUID()), NotFoundError);
  assert.equal(await (await chainedAccessEvents()).count({ where: { requestId: nobody.requestId } }), 0);
});

test('an analyst calling the search directly is refused with a denied event', async () => {
  const analyst = callerFor(await createUser('ANALYST'));
  await assert.rejects(searchAccessLog(analyst, {}), ForbiddenError);
  const events = await (await chainedAccessEvents()).findMany({ where: { requestId: analyst.requestId } });
  assert.deepEqual(events.map((event) => event.operation), ['DENIED']);
});

test('an export streams every matching event, defuses formulas and is itself recorded', async () => {
  const { hit, traveller } = await createHit();
  const analyst = await createUser('ANALYST');
  // A user agent is whatever the client sends: here, a formula aimed at the officer's spreadsheet.
  await revealField({ ...callerFor(analyst), userAgent: '=HYPERLINK("http://evil.example")' }, hit.id, { field: 'contactEmail', purpose: 'CONTACT_VERIFICATION' });
  const officer = callerFor(await createUser('PRIVACY_OFFICER'));
  const csv = await collect(await exportAccessLog(officer, { travellerId: traveller.id }, 'csv'));
  const lines = csv.trim().split('\r\n');
  assert.equal(lines[0], 'seq,at,actorType,actorLabel,role,operation,outcome,resourceType,resourceId,travellerId,purpose,recipient,ip,userAgent,details');
  // Every event about the person, the export's own record (written before the first byte) included.
  assert.equal(lines.length - 1, await (await chainedAccessEvents()).count({ where: { travellerId: traveller.id } }));
  assert.ok(csv.includes(`"'=HYPERLINK(""http://evil.example"")"`), 'the formula is exported defused');
  assert.ok(!/(^|,)"?=HYPERLINK/m.test(csv), 'no cell starts with a formula');
  const json = JSON.parse(await collect(await exportAccessLog(officer, { travellerId: traveller.id }, 'json'))) as unknown[];
  assert.ok(json.length >= lines.length - 1);
  const recorded = await (await chainedAccessEvents()).findMany({ where: { requestId: officer.requestId, resourceType: 'access-log-export' } });
  assert.equal(recorded.length, 2);
});

test('pages follow each other without a gap or a repeat, also through events of the same millisecond', async () => {
  const { traveller } = await createHit();
  const analyst = callerFor(await createUser('ANALYST'));
  // One request's events share their time: 150 of them, then 30 more a moment later.
  const inputs = (n: number) => Array.from({ length: n }, (_, i) => ({ operation: 'CONSULTATION' as const, resourceType: 'hit', travellerId: traveller.id, details: { i } }));
  await db().$transaction((tx) => recordAccessEvents(tx, analyst, inputs(150)));
  // Chained in two batches, so the per-person counts add the second to the first.
  await chainAccessEvents();
  await new Promise((resolve) => setTimeout(resolve, 5));
  await db().$transaction((tx) => recordAccessEvents(tx, analyst, inputs(30)));
  await chainAccessEvents();
  const expected = await (await chainedAccessEvents()).count({ where: { travellerId: traveller.id } });

  const officer = callerFor(await createUser('PRIVACY_OFFICER'));
  const seen: { at: string; seq: string }[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 10; pages += 1) {
    const page = await searchAccessLog(officer, { travellerId: traveller.id, cursor });
    assert.ok(page.items.length <= ACCESS_LOG_PAGE_SIZE);
    seen.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  assert.equal(seen.length, expected, 'every event about the person, once');
  assert.equal(new Set(seen.map((item) => item.seq)).size, seen.length, 'no event twice');
  assertNewestFirst(seen);

  // The report shows the first page in the same order; the search continues where it stops.
  const report = await getPersonReport(officer, traveller.id);
  assert.equal(report.events.length, ACCESS_LOG_PAGE_SIZE);
  assert.ok(report.nextCursor);
  const rest = await searchAccessLog(officer, { travellerId: traveller.id, cursor: report.nextCursor });
  assert.deepEqual([...report.events, ...rest.items].map((item) => item.seq).slice(0, seen.length), seen.map((item) => item.seq));
  assert.equal(report.summary.reduce((sum, row) => sum + row.count, 0), expected);

  // The export has them all, in the same order.
  const csv = await collect(await exportAccessLog(officer, { travellerId: traveller.id }, 'csv'));
  const exported = csv.trim().split('\r\n').slice(1).map((line) => line.split(',')[0]);
  assert.deepEqual(exported.filter((seq) => seen.some((item) => item.seq === seq)), seen.map((item) => item.seq));
});

test('a search within a time range keeps to it, and a cursor naming no event reads what lies before it', async () => {
  const { hit, traveller } = await createHit();
  const analyst = await createUser('ANALYST');
  await getHit(callerFor(analyst), hit.id);
  await chainAccessEvents();
  const officer = callerFor(await createUser('PRIVACY_OFFICER'));
  const all = await searchAccessLog(officer, { actor: analyst.email });
  assert.ok(all.items.length >= 1);
  const at = all.items[0]!.at;
  const inRange = await searchAccessLog(officer, { actor: analyst.email, from: at, to: at });
  assert.ok(inRange.items.length >= 1 && inRange.items.every((item) => item.at === at));
  const before = await searchAccessLog(officer, { actor: analyst.email, to: new Date(Date.parse(at) - 1).toISOString() });
  assert.ok(before.items.every((item) => Date.parse(item.at) < Date.parse(at)));
  assert.deepEqual((await searchAccessLog(officer, { travellerId: traveller.id, cursor: '1' })).items, [], 'nothing lies before the first event');
  const beyond = await searchAccessLog(officer, { travellerId: traveller.id, cursor: String(2n ** 63n - 1n) });
  assert.ok(beyond.items.length >= 1, 'a seq past the head continues from the newest');
  // A purpose is a substring, not a pattern: LIKE's wildcards match only themselves.
  assert.deepEqual((await searchAccessLog(officer, { travellerId: traveller.id, purpose: '%_' })).items, []);
});

test('a search stopped by its time limit is a 400 with advice, not a 500', async () => {
  const stopped = await failure(() =>
    db().$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL statement_timeout = 50`;
      await tx.$executeRaw`SELECT pg_sleep(1)`;
    }),
  );
  const mapped = searchTooBroad(stopped);
  assert.ok(mapped instanceof SearchTooBroadError);
  assert.match((mapped as Error).message, /Narrow it/);
  const other = new Error('something else');
  assert.equal(searchTooBroad(other), other);
});

async function failure(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

test('an export longer than a batch comes whole, once each and in order, in both formats', async () => {
  const { traveller } = await createHit();
  const analyst = callerFor(await createUser('ANALYST'));
  // More than a slice (EXPORT_BATCH), in calls of 700 events: the events of one call share a
  // millisecond, and slices are cut between milliseconds, so the export crosses a seam.
  const count = EXPORT_BATCH + 1234;
  for (let start = 0; start < count; start += 700) {
    const inputs = Array.from({ length: Math.min(700, count - start) }, (_, i) => ({ operation: 'CONSULTATION' as const, resourceType: 'hit', travellerId: traveller.id, details: { i: start + i } }));
    await db().$transaction((tx) => recordAccessEvents(tx, analyst, inputs));
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await chainAccessEvents();
  const expected = await (await chainedAccessEvents()).findMany({ where: { travellerId: traveller.id }, orderBy: [{ at: 'desc' }, { seq: 'desc' }], select: { seq: true } });
  assert.ok(expected.length > EXPORT_BATCH);

  const officer = callerFor(await createUser('PRIVACY_OFFICER'));
  const csv = await collect(await exportAccessLog(officer, { travellerId: traveller.id }, 'csv'));
  const csvSeqs = csv.trim().split('\r\n').slice(1).map((line) => line.split(',')[0]);
  // The export's own record is written before the first byte: it is the newest line.
  assert.deepEqual(csvSeqs.slice(1), expected.map((event) => event.seq.toString()));
  const json = JSON.parse(await collect(await exportAccessLog(officer, { travellerId: traveller.id }, 'json'))) as { seq: string }[];
  assert.deepEqual(json.slice(2).map((event) => event.seq), expected.map((event) => event.seq.toString()));
});
