import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { Caller } from '@/server/auth/caller';
import type { Tx } from '@/server/db';
import { contentHash } from './chain';
import { recordTravellerEvents } from './record';

// A caller whose free text would need care: quotes, a NUL (stored as U+FFFD) and non-ASCII.
const caller: Caller = {
  actorType: 'USER',
  actorId: randomUUID(),
  actorLabel: 'Zoë "admin" \u0000',
  role: 'ADMINISTRATOR',
  requestId: randomUUID(),
  ip: '127.0.0.1',
  userAgent: 'Mozilla/5.0 (X11) \u00e9\u4e2d',
};

test('each templated event hashes exactly as contentHash of the event that is stored', async () => {
  let sent: unknown[] = [];
  const tx = { $queryRaw: async (_strings: TemplateStringsArray, ...values: unknown[]) => void (sent = values) } as unknown as Tx;
  const items = Array.from({ length: 20 }, (_, index) => ({ travellerId: randomUUID(), counts: { hits: index } }));
  await recordTravellerEvents(tx, caller, { operation: 'ERASURE', resourceType: 'traveller', purpose: 'test: “erased”', details: { action: 'erase', retentionRunId: randomUUID() } }, items);
  const [shared, ids, extras, hashes] = sent as [string, string[], string[], string[]];
  const fields = JSON.parse(shared) as Record<string, unknown>;
  assert.equal(fields.actorLabel, 'Zoë "admin" \ufffd', 'made jsonb-safe as recordAccessEvents does');
  assert.deepEqual(ids, items.map((item) => item.travellerId));
  items.forEach((item, index) => {
    // The row append_traveller_access_events stores: shared fields, the traveller, details merged.
    const event = {
      ...fields,
      at: new Date(fields.at as string),
      resourceId: item.travellerId,
      travellerId: item.travellerId,
      details: { ...(fields.details as object), ...(JSON.parse(extras[index] as string) as object) },
    } as Parameters<typeof contentHash>[0];
    assert.equal(hashes[index], contentHash(event), `event ${index}`);
  });
});

test('events without counts store the shared details as they are', async () => {
  let sent: unknown[] = [];
  const tx = { $queryRaw: async (_strings: TemplateStringsArray, ...values: unknown[]) => void (sent = values) } as unknown as Tx;
  const travellerId = randomUUID();
  await recordTravellerEvents(tx, caller, { operation: 'ERASURE', resourceType: 'traveller', details: { action: 'mask' } }, [{ travellerId }]);
  const [shared, , extras, hashes] = sent as [string, string[], (string | null)[], string[]];
  const fields = JSON.parse(shared) as Record<string, unknown>;
  assert.deepEqual(extras, [null]);
  const event = { ...fields, at: new Date(fields.at as string), resourceId: travellerId, travellerId } as Parameters<typeof contentHash>[0];
  assert.equal(hashes[0], contentHash(event));
});
