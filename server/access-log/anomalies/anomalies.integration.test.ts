import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { AnomalyFlag, AnomalyRule } from '@/lib/schemas/access-log';
import { env } from '@/lib/env';
import { ForbiddenError } from '@/server/auth/errors';
import { db } from '@/server/db';
import { ConflictError } from '@/server/errors';
import { claimHit } from '@/server/hits/claim-hit';
import { getHit } from '@/server/hits/get-hit';
import { listHits } from '@/server/hits/list-hits';
import { revealField } from '@/server/hits/reveal-field';
import { callerFor, chainedAccessEvents, createHit, createUser } from '@/server/testing/factories';
import { chainAccessEvents } from '../chainer';
import { listAnomalies } from './list-anomalies';
import { reviewAnomaly } from './review-anomaly';

after(() => db().$disconnect());

const flag = (flags: AnomalyFlag[], rule: AnomalyRule) => flags.find((candidate) => candidate.rule === rule)!;

test('each rule flags what it names, and only that', async () => {
  const [holder, snooper, busy, refused] = await Promise.all([createUser('ANALYST'), createUser('ANALYST'), createUser('ANALYST'), createUser('PRIVACY_OFFICER')]);
  const held = await createHit();
  await claimHit(callerFor(holder), held.hit.id);
  await getHit(callerFor(snooper), held.hit.id); // someone else's hit
  await getHit(callerFor(holder), held.hit.id); // their own: no flag

  const revealing = await createHit();
  for (let index = 0; index <= env().ANOMALY_REVEALS_PER_HOUR; index += 1) {
    await revealField(callerFor(busy), revealing.hit.id, { field: 'familyName', purpose: 'IDENTITY_COMPARISON' });
  }
  const masked = await createHit();
  await db().traveller.update({ where: { id: masked.traveller.id }, data: { maskedAt: new Date(Date.now() - 60_000) } });
  await getHit(callerFor(holder), masked.hit.id);
  for (let index = 0; index < env().ANOMALY_DENIALS_PER_HOUR; index += 1) {
    await assert.rejects(listHits(callerFor(refused), { status: 'open', assignee: 'anyone', sort: 'deadline' }), ForbiddenError);
  }

  const officer = callerFor(await createUser('PRIVACY_OFFICER'));
  await chainAccessEvents(); // as the server's chainer does a moment after each request
  const flags = await listAnomalies(officer);
  const unassigned = flag(flags, 'UNASSIGNED_CONSULTATION').items;
  assert.ok(unassigned.some((item) => item.actorLabel === snooper.email && item.travellerId === held.traveller.id));
  assert.ok(!unassigned.some((item) => item.actorLabel === holder.email && item.travellerId === held.traveller.id), 'the holder opening their own hit is fine');
  assert.ok(flag(flags, 'REVEAL_BURST').items.some((item) => item.actorLabel === busy.email));
  assert.ok(flag(flags, 'MASKED_DATA_ACCESS').items.some((item) => item.travellerId === masked.traveller.id && item.actorLabel === holder.email));
  assert.ok(!flag(flags, 'MASKED_DATA_ACCESS').items.some((item) => item.travellerId === held.traveller.id));
  assert.ok(flag(flags, 'REPEATED_DENIALS').items.some((item) => item.actorLabel === refused.email));
  assert.ok(!flag(flags, 'REPEATED_DENIALS').items.some((item) => item.actorLabel === busy.email));

  const [start, end] = env().WORKING_HOURS_UTC.split('-').map(Number) as [number, number];
  const hour = new Date().getUTCHours();
  const outside = hour < start || hour >= end;
  assert.equal(flag(flags, 'OUTSIDE_WORKING_HOURS').items.some((item) => item.actorLabel === busy.email), outside, `hour ${hour} UTC`);
});

test('a flag is reviewed once with a note, and the review is an event; analysts see no flags', async () => {
  const refused = await createUser('PRIVACY_OFFICER');
  for (let index = 0; index < env().ANOMALY_DENIALS_PER_HOUR; index += 1) {
    await assert.rejects(listHits(callerFor(refused), { status: 'open', assignee: 'anyone', sort: 'deadline' }), ForbiddenError);
  }
  const officer = callerFor(await createUser('PRIVACY_OFFICER'));
  await chainAccessEvents();
  const item = flag(await listAnomalies(officer), 'REPEATED_DENIALS').items.find((candidate) => candidate.actorLabel === refused.email)!;
  assert.equal(item.review, null);
  const reviewing = callerFor(await createUser('PRIVACY_OFFICER'));
  await reviewAnomaly(reviewing, { rule: 'REPEATED_DENIALS', itemKey: item.key, note: 'Officer tried the queue by mistake; explained.' });
  await assert.rejects(reviewAnomaly(reviewing, { rule: 'REPEATED_DENIALS', itemKey: item.key, note: 'Again.' }), ConflictError);
  const after = flag(await listAnomalies(officer), 'REPEATED_DENIALS').items.find((candidate) => candidate.key === item.key)!;
  assert.equal(after.review?.note, 'Officer tried the queue by mistake; explained.');
  const events = await (await chainedAccessEvents()).findMany({ where: { requestId: reviewing.requestId, operation: 'ALTERATION' } });
  assert.equal(events.length, 1);
  await assert.rejects(listAnomalies(callerFor(await createUser('ANALYST'))), ForbiddenError);
});
