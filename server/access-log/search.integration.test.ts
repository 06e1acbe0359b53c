import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ForbiddenError } from '@/server/auth/errors';
import { db } from '@/server/db';
import { getHit } from '@/server/hits/get-hit';
import { revealField } from '@/server/hits/reveal-field';
import { callerFor, chainedAccessEvents, createHit, createUser } from '@/server/testing/factories';
import { exportAccessLog } from './export-access-log';
import { chainAccessEvents } from './chainer';
import { getPersonReport } from './get-person-report';
import { searchAccessLog } from './search-access-log';

after(() => db().$disconnect());

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
  const seqs = page.items.map((item) => BigInt(item.seq));
  assert.deepEqual(seqs, [...seqs].sort((a, b) => (a > b ? -1 : 1)), 'newest first');

  const [lookup] = await (await chainedAccessEvents()).findMany({ where: { requestId: officer.requestId } });
  assert.equal(lookup?.resourceType, 'traveller-lookup');
  assert.equal(lookup?.travellerId, traveller.id);
  const stored = JSON.stringify(lookup, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  assert.doesNotMatch(stored, new RegExp(reference, 'i'), 'the typed booking reference is not stored');
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
