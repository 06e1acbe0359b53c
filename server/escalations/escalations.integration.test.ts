import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { EscalationRequestInput } from '@/lib/schemas/escalation';
import { ForbiddenError } from '@/server/auth/errors';
import { db } from '@/server/db';
import { ConflictError, ValidationError } from '@/server/errors';
import { getHit } from '@/server/hits/get-hit';
import { callerFor, chainedAccessEvents, createHit, createUser } from '@/server/testing/factories';
import { failInsertsOf } from '@/server/testing/failing-insert';
import { decideEscalation } from './decide-escalation';
import { getDisclosurePackage } from './get-disclosure-package';
import { listRepersonalisationReviews } from './list-repersonalisation-reviews';
import { requestEscalation } from './request-escalation';
import { reviewRepersonalisation } from './review-repersonalisation';
import { withdrawEscalation } from './withdraw-escalation';

after(() => db().$disconnect());

async function recipientId(): Promise<string> {
  const recipient = await db().recipientAuthority.upsert({
    where: { name: 'Test federal police' },
    update: {},
    create: { name: 'Test federal police', country: 'DEU' },
  });
  return recipient.id;
}

async function request(options: { categories?: EscalationRequestInput['dataCategories']; masked?: boolean } = {}) {
  const { hit, traveller } = await createHit({ status: 'IN_REVIEW' });
  if (options.masked) await db().traveller.update({ where: { id: traveller.id }, data: { maskedAt: new Date() } });
  const analyst = await createUser('ANALYST');
  const input: EscalationRequestInput = {
    legalBasis: 'PNR_6_2_A',
    offenceCategory: 'terrorism',
    objectiveFacts: 'Same family name, same date of birth and same passport series as the listed person; travelling to the listed area.',
    necessity: 'The flight leaves in four hours; the federal police need identity and itinerary to act on the alert, nothing more.',
    dataCategories: options.categories ?? ['PASSPORT', 'ITINERARY'],
    recipientId: await recipientId(),
    urgency: 'URGENT',
    hitVersion: hit.version,
  };
  const { id } = await requestEscalation(callerFor(analyst), hit.id, input);
  return { id, hit, traveller, analyst };
}

const version = async (id: string) => (await db().escalation.findUniqueOrThrow({ where: { id } })).version;

test('a request holds the hit pending; a second request or one on a decided hit is refused', async () => {
  const { id, hit, analyst } = await request();
  assert.equal((await db().hit.findUniqueOrThrow({ where: { id: hit.id } })).status, 'ESCALATION_PENDING');
  const stored = await db().escalation.findUniqueOrThrow({ where: { id } });
  assert.equal(stored.requesterId, analyst.id, 'the requester is who called, whatever a form says');
  const decided = await createHit({ status: 'CLEARED' });
  await assert.rejects(
    requestEscalation(callerFor(analyst), decided.hit.id, { ...(await db().escalation.findUniqueOrThrow({ where: { id }, select: { legalBasis: true } })), offenceCategory: 'terrorism', objectiveFacts: 'x'.repeat(60), necessity: 'y'.repeat(60), dataCategories: ['PASSPORT'], recipientId: stored.recipientId, urgency: 'ROUTINE', hitVersion: 1 } as EscalationRequestInput),
    ConflictError,
  );
});

test('a request that cannot be recorded, or names a retired recipient, changes nothing; one that can leaves its history', async () => {
  const { hit } = await createHit({ status: 'IN_REVIEW' });
  const caller = callerFor(await createUser('ANALYST'));
  const input: EscalationRequestInput = {
    legalBasis: 'PNR_6_2_A', offenceCategory: 'terrorism', objectiveFacts: 'x'.repeat(60), necessity: 'y'.repeat(60),
    dataCategories: ['PASSPORT'], recipientId: await recipientId(), urgency: 'URGENT', hitVersion: hit.version,
  };
  const retired = await db().recipientAuthority.create({ data: { name: `Retired authority ${Date.now()}`, country: 'DEU', active: false } });
  await assert.rejects(requestEscalation(caller, hit.id, { ...input, recipientId: retired.id }), ValidationError);
  const restore = await failInsertsOf('AccessEventPending', 'requestId', caller.requestId);
  try {
    await assert.rejects(requestEscalation(caller, hit.id, input), /refused by the test/);
  } finally {
    await restore();
  }
  const unchanged = await db().hit.findUniqueOrThrow({ where: { id: hit.id } });
  assert.deepEqual([unchanged.status, unchanged.version, unchanged.assigneeId], [hit.status, hit.version, hit.assigneeId], 'the hit is as it was');
  assert.equal(await db().escalation.count({ where: { hitId: hit.id } }), 0, 'no request');
  assert.equal(await db().hitEvent.count({ where: { hitId: hit.id, type: 'ESCALATION_REQUESTED' } }), 0, 'no history entry');

  const { id } = await requestEscalation(caller, hit.id, input);
  const history = await db().hitEvent.findMany({ where: { hitId: hit.id, type: 'ESCALATION_REQUESTED' }, select: { fromStatus: true, toStatus: true, actorId: true, data: true } });
  assert.deepEqual(history, [{ fromStatus: 'IN_REVIEW', toStatus: 'ESCALATION_PENDING', actorId: caller.actorId, data: { escalationId: id, urgency: 'URGENT' } }]);
  await withdrawEscalation(caller, id);
  const back = await db().hitEvent.findMany({ where: { hitId: hit.id, type: 'ESCALATION_WITHDRAWN' }, select: { fromStatus: true, toStatus: true, data: true } });
  assert.deepEqual(back, [{ fromStatus: 'ESCALATION_PENDING', toStatus: 'IN_REVIEW', data: { escalationId: id } }]);
  await assert.rejects(withdrawEscalation(caller, id), /withdrew/);
});

test('the requester can never decide their own request: 403 and a denied event', async () => {
  const supervisor = await createUser('SUPERVISOR');
  const { hit } = await createHit({ status: 'IN_REVIEW' });
  const input: EscalationRequestInput = {
    legalBasis: 'PNR_6_2_B', offenceCategory: 'terrorism', objectiveFacts: 'f'.repeat(60), necessity: 'n'.repeat(60),
    dataCategories: ['PASSPORT'], recipientId: await recipientId(), urgency: 'ROUTINE', hitVersion: hit.version,
  };
  const { id } = await requestEscalation(callerFor(supervisor), hit.id, input);
  const caller = callerFor(supervisor);
  await assert.rejects(decideEscalation(caller, id, { decision: 'approve', version: await version(id) }), ForbiddenError);
  const events = await (await chainedAccessEvents()).findMany({ where: { requestId: caller.requestId } });
  assert.deepEqual(events.map((event) => [event.operation, event.outcome, event.resourceId]), [['DENIED', 'DENIED', id]]);
  assert.equal((await db().escalation.findUniqueOrThrow({ where: { id } })).status, 'PENDING');
});

test('fifty simultaneous decisions by five supervisors make exactly one, twenty times over', async () => {
  const supervisors = await Promise.all(Array.from({ length: 5 }, () => createUser('SUPERVISOR')));
  for (let round = 0; round < 20; round += 1) {
    const { id, hit } = await request();
    const current = await version(id);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, index) => {
        const caller = callerFor(supervisors[index % 5]!);
        return index % 2 === 0
          ? decideEscalation(caller, id, { decision: 'approve', version: current })
          : decideEscalation(caller, id, { decision: 'reject', note: 'Not enough facts beyond the name.', version: current });
      }),
    );
    const won = results.filter((result) => result.status === 'fulfilled');
    assert.equal(won.length, 1, `round ${round}: one decision`);
    for (const result of results) {
      if (result.status === 'rejected') assert.match(String(result.reason.message), /^Already decided by .+ at .+ UTC\.$/);
    }
    const decisions = await db().hitEvent.count({ where: { hitId: hit.id, type: { in: ['ESCALATION_APPROVED', 'ESCALATION_REJECTED'] } } });
    assert.equal(decisions, 1, `round ${round}: one decision event`);
  }
});

test('approval escalates the hit and discloses exactly the approved categories, each view a disclosure event', async () => {
  const { id, hit, traveller, analyst } = await request({ categories: ['CONTACT'] });
  const supervisor = await createUser('SUPERVISOR');
  const decided = await decideEscalation(callerFor(supervisor), id, { decision: 'approve', version: await version(id) });
  assert.equal(decided.status, 'APPROVED');
  assert.equal(decided.hit.status, 'ESCALATED');

  const opening = callerFor(analyst);
  const view = await getDisclosurePackage(opening, id);
  assert.deepEqual(view.categories.map((category) => category.key), ['CONTACT']);
  assert.equal(view.categories[0]?.fields.find((field) => field.label === 'Email')?.value, traveller.contactEmail);
  assert.doesNotMatch(JSON.stringify(view), /Quartermain|1980-04-02/, 'no category that was not approved');
  assert.equal(view.itinerary, null);
  const [event, ...rest] = await (await chainedAccessEvents()).findMany({ where: { requestId: opening.requestId } });
  assert.equal(rest.length, 0);
  assert.equal(event?.operation, 'DISCLOSURE');
  assert.equal(event?.recipient, 'Test federal police');
  assert.equal(event?.travellerId, traveller.id);

  const stranger = callerFor(await createUser('SUPERVISOR'));
  await assert.rejects(getDisclosurePackage(stranger, id), ForbiddenError);
  await db().disclosurePackage.update({ where: { escalationId: id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await assert.rejects(getDisclosurePackage(callerFor(analyst), id), /expired/);
  assert.equal((await getHit(callerFor(analyst), hit.id)).escalation?.canOpenPackage, false);
});

test('an approval whose disclosure package cannot be written decides nothing: the request and its hit stay pending, nothing is recorded', async () => {
  const { id, hit } = await request();
  const supervisor = callerFor(await createUser('SUPERVISOR'));
  const pending = await version(id);
  const restore = await failInsertsOf('DisclosurePackage', 'escalationId', id);
  try {
    await assert.rejects(decideEscalation(supervisor, id, { decision: 'approve', version: pending }), /refused by the test/);
  } finally {
    await restore();
  }
  const escalation = await db().escalation.findUniqueOrThrow({ where: { id }, include: { hit: true } });
  assert.equal(escalation.status, 'PENDING');
  assert.equal(escalation.version, pending);
  assert.equal(escalation.hit.status, 'ESCALATION_PENDING');
  assert.equal(await db().hitEvent.count({ where: { hitId: hit.id, type: 'ESCALATION_APPROVED' } }), 0, 'no history entry');
  assert.equal(await (await chainedAccessEvents()).count({ where: { requestId: supervisor.requestId } }), 0, 'no access event');
  // Once the package can be written, the same approval goes through whole.
  const decided = await decideEscalation(supervisor, id, { decision: 'approve', version: pending });
  assert.equal(decided.status, 'APPROVED');
  assert.equal(await db().disclosurePackage.count({ where: { escalationId: id } }), 1);
});

test('rejection returns the hit to review with the note for the analyst; a withdrawn request cannot be decided', async () => {
  const { id, hit, analyst } = await request();
  const supervisor = callerFor(await createUser('SUPERVISOR'));
  await decideEscalation(supervisor, id, { decision: 'reject', note: 'The date of birth disagrees; clear it instead.', version: await version(id) });
  const seen = await getHit(callerFor(analyst), hit.id);
  assert.equal(seen.status, 'IN_REVIEW');
  assert.equal(seen.escalation?.status, 'REJECTED');
  assert.equal(seen.escalation?.decisionNote, 'The date of birth disagrees; clear it instead.');

  const second = await request();
  await withdrawEscalation(callerFor(second.analyst), second.id);
  assert.equal((await db().hit.findUniqueOrThrow({ where: { id: second.hit.id } })).status, 'IN_REVIEW');
  await assert.rejects(decideEscalation(supervisor, second.id, { decision: 'approve', version: await version(second.id) }), /withdrew/);
});

test('an approved re-personalisation goes to the privacy officer’s review list', async () => {
  const { id } = await request({ masked: true });
  assert.equal((await db().escalation.findUniqueOrThrow({ where: { id } })).repersonalisation, true);
  await decideEscalation(callerFor(await createUser('SUPERVISOR')), id, { decision: 'approve', version: await version(id) });
  const officer = callerFor(await createUser('PRIVACY_OFFICER'));
  const item = (await listRepersonalisationReviews(officer)).find((candidate) => candidate.id === id);
  assert.ok(item, 'listed for review');
  assert.equal(item.reviewedAt, null);
  await reviewRepersonalisation(officer, id, 'Reviewed: necessity documented, categories limited.');
  await assert.rejects(reviewRepersonalisation(officer, id, 'Second review of the same thing.'), ConflictError);
  await assert.rejects(listRepersonalisationReviews(callerFor(await createUser('SUPERVISOR'))), ForbiddenError);
});
