import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ForbiddenError } from '@/server/auth/errors';
import { db } from '@/server/db';
import { callerFor, chainedAccessEvents, createHit, createUser } from '@/server/testing/factories';
import { DEFAULT_HIT_QUERY } from '@/lib/schemas/hit';
import { listHitFilterOptions } from './list-hit-filter-options';
import { listHits } from './list-hits';

after(() => db().$disconnect());

test('the hit list is masked, most urgent first, and records one consultation per hit shown', async () => {
  const soon = await createHit({ dueAt: new Date(Date.now() - 60_000) });
  const later = await createHit({ dueAt: new Date(Date.now() + 3600_000) });
  await createHit({ status: 'CLEARED', dueAt: new Date(Date.now() - 120_000) });
  const analyst = await createUser('ANALYST');
  const caller = callerFor(analyst);

  const { items: hits } = await listHits(caller, DEFAULT_HIT_QUERY, { limit: 200 });
  const ids = hits.map((hit) => hit.id);
  assert.ok(ids.indexOf(soon.hit.id) >= 0 && ids.indexOf(soon.hit.id) < ids.indexOf(later.hit.id));
  assert.ok(hits.every((hit) => hit.status !== 'CLEARED'));

  const row = hits.find((hit) => hit.id === soon.hit.id);
  assert.equal(row?.travellerName, 'Z. Q****');
  // Times as the API has always written them: ISO 8601 in UTC with milliseconds, the flight's date alone.
  assert.deepEqual([row?.createdAt, row?.dueAt, row?.flightDate, row?.score, row?.version], [
    soon.hit.createdAt.toISOString(), soon.hit.dueAt.toISOString(), soon.hit.flightDate.toISOString().slice(0, 10), soon.hit.score, soon.hit.version,
  ]);
  assert.doesNotMatch(JSON.stringify(hits), /Quartermain|Zebedee|P[0-9a-f]{8}/);

  const events = await (await chainedAccessEvents()).findMany({ where: { requestId: caller.requestId } });
  assert.equal(events.length, hits.length);
  assert.ok(events.every((event) => event.operation === 'CONSULTATION' && event.actorId === analyst.id));
  assert.deepEqual(new Set(events.map((event) => event.resourceId)), new Set(ids));
  const soonEvent = events.find((event) => event.resourceId === soon.hit.id);
  assert.equal(soonEvent?.travellerId, soon.traveller.id);
});

test('a role without hits.list is refused and sees nothing', async () => {
  const officer = await createUser('PRIVACY_OFFICER');
  const caller = callerFor(officer);
  await assert.rejects(listHits(caller, DEFAULT_HIT_QUERY), ForbiddenError);
  const events = await (await chainedAccessEvents()).findMany({ where: { requestId: caller.requestId } });
  assert.deepEqual(events.map((event) => event.operation), ['DENIED']);
});

test('the queue filter offers each offence category of the listed entries once, in order', async () => {
  const { entry } = await createHit();
  // Two more entries of one new category, one of another: each offered once.
  for (const [externalId, offenceCategory] of [['filter-a', 'zz-fraud'], ['filter-b', 'zz-fraud'], ['filter-c', 'aa-arson']] as const) {
    await db().watchlistEntry.create({
      data: { sourceId: entry.sourceId, externalId: `${externalId}-${entry.id}`, primaryName: 'FILTER, Test', nationalities: [], programs: [], offenceCategory, legalBasis: 'Test basis', contentHash: `${externalId}-${entry.id}` },
    });
  }
  const { offences, sources } = await listHitFilterOptions(callerFor(await createUser('ANALYST')));
  const expected = (await db().$queryRaw<{ c: string }[]>`SELECT DISTINCT "offenceCategory" AS c FROM "WatchlistEntry" ORDER BY 1`).map((row) => row.c);
  assert.deepEqual(offences, expected);
  assert.equal(offences.filter((offence) => offence === 'zz-fraud').length, 1);
  assert.ok(offences.includes('aa-arson') && offences.includes(entry.offenceCategory));
  assert.ok(sources.length > 0);
});
