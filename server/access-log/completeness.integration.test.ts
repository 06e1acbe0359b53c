import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { AccessOperation } from '@/generated/prisma/enums';
import { db } from '@/server/db';
import { addHitNote } from '@/server/hits/add-hit-note';
import { claimHit } from '@/server/hits/claim-hit';
import { decideHit } from '@/server/hits/decide-hit';
import { getHit } from '@/server/hits/get-hit';
import { revealField } from '@/server/hits/reveal-field';
import { callerFor, chainedAccessEvents, createHit, createUser } from '@/server/testing/factories';

after(() => db().$disconnect());

test('N different operations on one person leave exactly N events, each naming actor, role, person, request and origin', async () => {
  const { hit, traveller } = await createHit();
  const analyst = await createUser('ANALYST');
  const steps: { operation: AccessOperation; run: (caller: ReturnType<typeof callerFor>) => Promise<unknown> }[] = [
    { operation: 'ALTERATION', run: (caller) => claimHit(caller, hit.id) },
    { operation: 'CONSULTATION', run: (caller) => getHit(caller, hit.id) },
    { operation: 'CONSULTATION', run: (caller) => revealField(caller, hit.id, { field: 'documentNumber', purpose: 'DOCUMENT_CHECK' }) },
    { operation: 'ALTERATION', run: (caller) => decideHit(caller, hit.id, { decision: 'clear', reason: 'DIFFERENT_DOB', version: hit.version + 1 }) },
    { operation: 'ALTERATION', run: (caller) => addHitNote(caller, hit.id, 'Checked with the carrier.') },
  ];
  const before = await (await chainedAccessEvents()).count({ where: { travellerId: traveller.id } });
  for (const step of steps) {
    const caller = { ...callerFor(analyst), ip: '203.0.113.7', userAgent: 'completeness-test' };
    await step.run(caller);
    const events = await (await chainedAccessEvents()).findMany({ where: { requestId: caller.requestId } });
    assert.equal(events.length, 1, `${step.operation}: exactly one event`);
    const [event] = events;
    assert.equal(event?.operation, step.operation);
    assert.equal(event?.outcome, 'ALLOWED');
    assert.equal(event?.actorId, analyst.id);
    assert.equal(event?.actorLabel, analyst.email);
    assert.equal(event?.role, 'ANALYST');
    assert.equal(event?.travellerId, traveller.id);
    assert.equal(event?.resourceId, hit.id);
    assert.equal(event?.ip, '203.0.113.7');
    assert.equal(event?.userAgent, 'completeness-test');
  }
  assert.equal(await (await chainedAccessEvents()).count({ where: { travellerId: traveller.id } }), before + steps.length);
});
