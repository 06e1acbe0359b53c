import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { explanationSentences } from '@/lib/hits/explanation-sentences';
import { DEFAULT_HIT_QUERY } from '@/lib/schemas/hit';
import { ForbiddenError } from '@/server/auth/errors';
import { db } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';
import { callerFor, chainedAccessEvents, createHit, createUser } from '@/server/testing/factories';
import { failInsertsOf } from '@/server/testing/failing-insert';
import { addHitNote } from './add-hit-note';
import { assignHits } from './assign-hits';
import { claimHit, releaseHit } from './claim-hit';
import { claimNextHit } from './claim-next-hit';
import { decideHit } from './decide-hit';
import { getHit } from './get-hit';
import { listHits } from './list-hits';
import { revealField } from './reveal-field';
import { isSuppressed } from './suppression';

after(() => db().$disconnect());

const eventsOf = async (requestId: string) =>
  (await chainedAccessEvents()).findMany({ where: { requestId }, orderBy: { seq: 'asc' }, select: { operation: true, outcome: true, resourceId: true, travellerId: true, purpose: true, details: true } });

test('two analysts pressing “Next hit” at the same moment get different hits', async () => {
  await createHit({ dueAt: new Date(Date.now() - 3_600_000) });
  await createHit({ dueAt: new Date(Date.now() - 3_500_000) });
  const [first, second] = [callerFor(await createUser('ANALYST')), callerFor(await createUser('ANALYST'))];
  const [a, b] = await Promise.all([claimNextHit(first), claimNextHit(second)]);
  assert.notEqual(a.id, b.id);
  const hits = await db().hit.findMany({ where: { id: { in: [a.id, b.id] } }, select: { id: true, assigneeId: true, status: true } });
  assert.equal(hits.find((hit) => hit.id === a.id)?.assigneeId, first.actorId);
  assert.equal(hits.find((hit) => hit.id === b.id)?.assigneeId, second.actorId);
  assert.ok(hits.every((hit) => hit.status === 'IN_REVIEW'));
  for (const caller of [first, second]) {
    const events = await eventsOf(caller.requestId);
    assert.deepEqual(events.map((event) => event.operation), ['ALTERATION']);
  }
});

test('opening, revealing and deciding each write exactly one event of the right operation', async () => {
  const { hit, traveller } = await createHit();
  const analyst = await createUser('ANALYST');

  const opening = callerFor(analyst);
  const detail = await getHit(opening, hit.id);
  assert.equal(detail.maskedName, 'Z. Q****');
  // The entry (the listed person) is shown in the clear; the traveller never is.
  const travellerSide = JSON.stringify({ traveller: detail.traveller, said: detail.explanation.map((item) => item.travellerValue), timeline: detail.timeline });
  assert.doesNotMatch(travellerSide, /quartermain|zebedee|P[0-9a-f]{8}|1980-04-02/i, 'nothing identifying leaves unmasked');
  assert.deepEqual((await eventsOf(opening.requestId)).map((event) => [event.operation, event.travellerId]), [['CONSULTATION', traveller.id]]);

  const revealing = callerFor(analyst);
  const revealed = await revealField(revealing, hit.id, { field: 'contactEmail', purpose: 'CONTACT_VERIFICATION' });
  assert.equal(revealed.value, traveller.contactEmail);
  const [revealEvent, ...more] = await eventsOf(revealing.requestId);
  assert.equal(more.length, 0);
  assert.equal(revealEvent?.operation, 'CONSULTATION');
  assert.equal(revealEvent?.purpose, 'Verify contact or booking details');
  assert.equal((revealEvent?.details as { field?: string }).field, 'contactEmail');

  const deciding = callerFor(analyst);
  const decided = await decideHit(deciding, hit.id, { decision: 'confirm', note: 'Same passport series and date of birth.', version: hit.version });
  assert.equal(decided.status, 'CONFIRMED');
  assert.deepEqual((await eventsOf(deciding.requestId)).map((event) => event.operation), ['ALTERATION']);
  const timeline = (await getHit(callerFor(analyst), hit.id)).timeline.map((entry) => entry.kind);
  assert.ok(['CONFIRMED', 'REVEALED', 'VIEWED'].every((kind) => timeline.includes(kind as never)), `timeline has ${timeline}`);
});

test('the explanation shows the traveller values masked, from the traveller row, and the clear value once revealed', async () => {
  const { hit, traveller } = await createHit();
  const stored = await db().hit.findUniqueOrThrow({ where: { id: hit.id }, select: { explanation: true } });
  assert.doesNotMatch(JSON.stringify(stored.explanation), /Quartermain|travellerValue/, 'precondition: the stored explanation quotes nothing');
  const analyst = await createUser('ANALYST');
  const detail = await getHit(callerFor(analyst), hit.id);
  const said = Object.fromEntries(detail.explanation.map((item) => [item.field, [item.travellerField, item.travellerValue]]));
  assert.deepEqual(said, { familyName: ['familyName', 'Q****'], document: ['documentNumber', `••••••${(traveller.documentNumber as string).slice(-2)}`] });
  assert.equal(explanationSentences(detail.explanation)[0]?.text, 'Family name Q**** matches QUARTERMAIN (exact, 1.00)');

  // The page puts a revealed value in the explanation's sentence (components/hits/match-explanation.tsx).
  const revealed = await revealField(callerFor(analyst), hit.id, { field: 'familyName', purpose: 'IDENTITY_COMPARISON' });
  assert.equal(revealed.value, 'Quartermain');
  assert.equal(explanationSentences(detail.explanation, { [revealed.field]: revealed.value })[0]?.text, 'Family name Quartermain matches QUARTERMAIN (exact, 1.00)');
});

test('a stale decision is refused with who decided and when, and changes nothing', async () => {
  const { hit } = await createHit();
  const [first, second] = [await createUser('ANALYST'), await createUser('ANALYST')];
  await decideHit(callerFor(first), hit.id, { decision: 'clear', reason: 'DIFFERENT_DOB', version: hit.version });
  await assert.rejects(
    decideHit(callerFor(second), hit.id, { decision: 'confirm', note: 'I think this is a true match.', version: hit.version }),
    (error: unknown) => error instanceof ConflictError && error.message.startsWith(`Already decided by ${first.name} at `),
  );
  const after = await db().hit.findUniqueOrThrow({ where: { id: hit.id } });
  assert.equal(after.status, 'CLEARED');
  assert.equal(after.decidedById, first.id);
  assert.equal(await db().hitEvent.count({ where: { hitId: hit.id, type: 'CONFIRMED' } }), 0);
});

test('a decision whose cleared-hit memory cannot be written leaves the hit, its history and the access log as they were', async () => {
  const { hit } = await createHit();
  const caller = callerFor(await createUser('ANALYST'));
  const restore = await failInsertsOf('Suppression', 'originHitId', hit.id);
  try {
    await assert.rejects(decideHit(caller, hit.id, { decision: 'clear', reason: 'DIFFERENT_DOB', version: hit.version }), /refused by the test/);
  } finally {
    await restore();
  }
  const after = await db().hit.findUniqueOrThrow({ where: { id: hit.id } });
  assert.equal(after.status, hit.status, 'the hit is not decided');
  assert.equal(after.version, hit.version);
  assert.equal(await db().hitEvent.count({ where: { hitId: hit.id, type: 'CLEARED' } }), 0, 'no history entry');
  assert.equal(await (await chainedAccessEvents()).count({ where: { requestId: caller.requestId } }), 0, 'no access event');
  // The same decision once the memory can be written: all of it.
  await decideHit(caller, hit.id, { decision: 'clear', reason: 'DIFFERENT_DOB', version: hit.version });
  assert.equal(await db().suppression.count({ where: { originHitId: hit.id } }), 1);
  assert.equal(await db().hitEvent.count({ where: { hitId: hit.id, type: 'CLEARED' } }), 1);
});

test('two decisions racing on the same version: exactly one wins', async () => {
  const { hit } = await createHit();
  const [first, second] = [await createUser('ANALYST'), await createUser('ANALYST')];
  const results = await Promise.allSettled([
    decideHit(callerFor(first), hit.id, { decision: 'clear', reason: 'COMMON_NAME_PART', version: hit.version }),
    decideHit(callerFor(second), hit.id, { decision: 'confirm', note: 'Looks like the listed person.', version: hit.version }),
  ]);
  assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
  assert.ok(results.some((result) => result.status === 'rejected' && result.reason instanceof ConflictError));
  assert.equal(await db().hitEvent.count({ where: { hitId: hit.id, type: { in: ['CLEARED', 'CONFIRMED'] } } }), 1);
});

test('clearing remembers the false positive for that entry version only', async () => {
  const { hit, traveller, entry } = await createHit();
  const analyst = await createUser('ANALYST');
  await decideHit(callerFor(analyst), hit.id, { decision: 'clear', reason: 'DIFFERENT_DOCUMENT', note: 'Other passport.', version: hit.version });
  const identity = { familyName: 'QUARTERMAIN', givenNames: 'zebedee', dateOfBirth: '1980-04-02', documentNumber: traveller.documentNumber };
  await db().$transaction(async (tx) => {
    assert.equal(await isSuppressed(tx, identity, entry), true, 'the same person, written differently, is suppressed');
    assert.equal(await isSuppressed(tx, identity, { ...entry, version: entry.version + 1 }), false, 'a changed entry raises again');
    assert.equal(await isSuppressed(tx, { ...identity, dateOfBirth: '1980-04-03' }, entry), false, 'another person is not suppressed');
  });
});

test('a decision on a hit someone else holds is refused; claim and release follow the holder', async () => {
  const { hit } = await createHit();
  const [holder, other] = [callerFor(await createUser('ANALYST')), callerFor(await createUser('ANALYST'))];
  const claimed = await claimHit(holder, hit.id);
  assert.equal(claimed.assigneeId, holder.actorId);
  await assert.rejects(claimHit(other, hit.id), ConflictError);
  await assert.rejects(decideHit(other, hit.id, { decision: 'clear', reason: 'DIFFERENT_DOB', version: claimed.version }), ConflictError);
  await assert.rejects(releaseHit(other, hit.id), ConflictError);
  const released = await releaseHit(holder, hit.id);
  assert.equal(released.assigneeId, null);
});

test('supervisors assign all or nothing; analysts may not assign', async () => {
  const open = await createHit();
  const decided = await createHit({ status: 'CLEARED' });
  const supervisor = callerFor(await createUser('SUPERVISOR'));
  const analyst = await createUser('ANALYST');
  await assert.rejects(assignHits(supervisor, { hitIds: [open.hit.id, decided.hit.id], assigneeId: analyst.id }), ConflictError);
  assert.equal((await db().hit.findUniqueOrThrow({ where: { id: open.hit.id } })).assigneeId, null, 'nothing was assigned');
  const [result] = await assignHits(supervisor, { hitIds: [open.hit.id], assigneeId: analyst.id });
  assert.equal(result?.assigneeId, analyst.id);

  const analystCaller = callerFor(analyst);
  await assert.rejects(assignHits(analystCaller, { hitIds: [open.hit.id], assigneeId: null }), ForbiddenError);
  assert.deepEqual((await eventsOf(analystCaller.requestId)).map((event) => event.outcome), ['DENIED']);
});

test('a decided hit takes notes but no second decision; unknown hits are not found', async () => {
  const { hit } = await createHit();
  const analyst = await createUser('ANALYST');
  const decided = await decideHit(callerFor(analyst), hit.id, { decision: 'clear', reason: 'DIFFERENT_NATIONALITY', version: hit.version });
  assert.equal(decided.can.decide, false);
  const noting = callerFor(analyst);
  const note = await addHitNote(noting, hit.id, 'Checked again with the airline: different person.');
  assert.equal(note.kind, 'NOTE_ADDED');
  // The answer is the stored entry, and the note left its access event.
  const stored = await db().hitEvent.findUniqueOrThrow({ where: { id: note.id }, select: { hitId: true, at: true, note: true, actorId: true } });
  assert.deepEqual({ hitId: stored.hitId, at: stored.at.toISOString(), note: stored.note, actorId: stored.actorId }, { hitId: hit.id, at: note.at, note: note.note, actorId: analyst.id });
  assert.equal(note.actorName, analyst.name);
  assert.deepEqual((await eventsOf(noting.requestId)).map((event) => [event.operation, event.resourceId, (event.details as { change?: string }).change]), [['ALTERATION', hit.id, 'NOTE_ADDED']]);
  await assert.rejects(addHitNote(noting, '00000000-0000-7000-8000-000000000000', 'No such hit.'), NotFoundError);
  await assert.rejects(getHit(callerFor(analyst), '00000000-0000-7000-8000-000000000000'), NotFoundError);
});

test('a claim whose access event cannot be written leaves the hit unclaimed and without history; claiming twice is not an error', async () => {
  const { hit } = await createHit();
  const caller = callerFor(await createUser('ANALYST'));
  const restore = await failInsertsOf('AccessEventPending', 'requestId', caller.requestId);
  try {
    await assert.rejects(claimHit(caller, hit.id), /refused by the test/);
  } finally {
    await restore();
  }
  const after = await db().hit.findUniqueOrThrow({ where: { id: hit.id } });
  assert.deepEqual([after.assigneeId, after.status, after.version], [null, hit.status, hit.version], 'the hit is as it was');
  assert.equal(await db().hitEvent.count({ where: { hitId: hit.id, type: 'CLAIMED' } }), 0, 'no history entry');
  const claimed = await claimHit(caller, hit.id);
  assert.deepEqual([claimed.assigneeId, claimed.status, claimed.version], [caller.actorId, 'IN_REVIEW', hit.version + 1]);
  assert.deepEqual(await claimHit(caller, hit.id), claimed, 'a second press answers the same state');
  const history = await db().hitEvent.findMany({ where: { hitId: hit.id, type: 'CLAIMED' }, select: { fromStatus: true, toStatus: true, actorId: true } });
  assert.deepEqual(history, [{ fromStatus: hit.status, toStatus: 'IN_REVIEW', actorId: caller.actorId }]);
});

test('the queue pages by cursor without gaps or repeats, and filters apply', async () => {
  const source = `PAGE-${Date.now()}`;
  const created = [];
  for (let index = 0; index < 7; index += 1) {
    created.push(await createHit({ sourceCode: source, score: 0.5 + index * 0.05, dueAt: new Date(Date.now() + index * 60_000) }));
  }
  const caller = callerFor(await createUser('ANALYST'));
  for (const sort of ['deadline', 'score', 'age'] as const) {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listHits(caller, { ...DEFAULT_HIT_QUERY, source, sort, cursor }, { limit: 3 });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.equal(seen.length, 7, `${sort}: every hit once`);
    assert.deepEqual(new Set(seen), new Set(created.map((item) => item.hit.id)));
    if (sort === 'score') assert.equal(seen[0], created[6]?.hit.id, 'highest score first');
    if (sort === 'deadline') assert.equal(seen[0], created[0]?.hit.id, 'earliest deadline first');
  }
  const strong = await listHits(caller, { ...DEFAULT_HIT_QUERY, source, scoreMin: 0.7 });
  assert.equal(strong.items.length, 3);
  assert.ok(strong.items.every((item) => item.score >= 0.7));
  const bogus = await listHits(caller, { ...DEFAULT_HIT_QUERY, source, cursor: 'not-a-cursor' });
  assert.equal(bogus.items.length, 7, 'an unreadable cursor shows the first page');
  assert.equal(bogus.cursorIgnored, true, 'and says so');
});
