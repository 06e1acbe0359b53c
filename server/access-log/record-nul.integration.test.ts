import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { callerFor, chainedAccessEvents, createUser } from '@/server/testing/factories';
import { db } from '@/server/db';
import { recordAccessEvent } from './record';
import { verifyChain } from './verify';

// Found by the fuzz suite (e2e/attack/fuzz.spec.ts): a refusal records what was sent — the
// route gate records the raw route parameter — and PostgreSQL's jsonb cannot hold U+0000 (nor a
// lone surrogate), so a parameter ending in %00 from a caller without the permission was a 500
// instead of a 403.

after(() => db().$disconnect());

test('an event whose values hold U+0000 or a lone surrogate is recorded, with U+FFFD in its place, and the chain still verifies', async () => {
  const caller = { ...callerFor(await createUser('ANALYST')), userAgent: 'agent\u0000' };
  await db().$transaction((tx) =>
    recordAccessEvent(tx, caller, {
      operation: 'DENIED',
      outcome: 'DENIED',
      resourceType: 'hit',
      resourceId: 'id\u0000',
      purpose: 'probe\u0000',
      details: { reason: 'missing-permission', sent: ['a\u0000b', 'c\ud800'], 'key\u0000': 1 },
    }),
  );
  const event = await (await chainedAccessEvents()).findFirstOrThrow({ where: { requestId: caller.requestId } });
  assert.deepEqual([event.resourceId, event.purpose, event.userAgent], ['id\ufffd', 'probe\ufffd', 'agent\ufffd']);
  assert.deepEqual(event.details, { reason: 'missing-permission', sent: ['a\ufffdb', 'c\ufffd'], 'key\ufffd': 1 });
  const verification = await verifyChain(db());
  assert.equal(verification.intact, true, verification.firstBroken?.message);
});
