import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { callerFromToken } from '@/server/api-tokens/authenticate-token';
import { createApiToken, revokeApiToken } from '@/server/api-tokens/manage-api-tokens';
import { ForbiddenError } from '@/server/auth/errors';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { getHit } from '@/server/hits/get-hit';
import { callerFor, chainedAccessEvents, createHit, createUser } from '@/server/testing/factories';
import { submitExternalHits } from './hits/submit-external-hits';
import { importSdnFile } from './ofac/import-sdn';
import { submitScreening } from './screenings/submit-screening';

after(() => db().$disconnect());

const SDN = readFileSync(path.resolve(process.cwd(), 'prisma/data/ofac-sdn-2024-05-03/sdn.csv'), 'utf8');
const meta = () => ({ requestId: crypto.randomUUID(), ip: '203.0.113.9', userAgent: 'ingest-test' });

async function tokenCaller(scopes: ('watchlists:write' | 'travellers:write' | 'hits:write' | 'batches:read')[]) {
  const admin = callerFor(await createUser('ADMINISTRATOR'));
  const { token, secret } = await createApiToken(admin, { name: `test ${scopes.join(' ')}`, scopes, expiresInDays: 1 });
  const caller = await callerFromToken(secret, meta());
  assert.ok(caller);
  return { admin, token, secret, caller };
}

async function freshSource(code: string) {
  return db().watchlistSource.create({ data: { code: `${code}-${crypto.randomUUID().slice(0, 6)}`, name: code, defaultLegalBasis: 'Test basis' } });
}

test('a token acts through its scopes only; revoked, expired and unknown tokens are refused and recorded', async () => {
  const { admin, token, secret, caller } = await tokenCaller(['hits:write']);
  assert.equal(caller.actorType, 'TOKEN');
  await requirePermission(caller, 'hits.write');
  await assert.rejects(requirePermission(caller, 'hits.list'), ForbiddenError, 'a token never reads the queue');
  await assert.rejects(requirePermission(caller, 'travellers.write'), ForbiddenError, 'nor acts beyond its scopes');

  await revokeApiToken(admin, token.id);
  const revoked = meta();
  assert.equal(await callerFromToken(secret, revoked), null);
  await db().apiToken.create({ data: { name: 'expired', prefix: 'expiredx', tokenHash: 'f'.repeat(64), scopes: ['hits:write'], expiresAt: new Date(Date.now() - 1000) } });
  const unknown = meta();
  assert.equal(await callerFromToken(`ppt_abcdefgh_${'A'.repeat(43)}`, unknown), null);

  const events = await chainedAccessEvents();
  const [revokedEvent] = await events.findMany({ where: { requestId: revoked.requestId } });
  assert.equal(revokedEvent?.operation, 'LOGIN_FAILED');
  assert.deepEqual(revokedEvent?.details, { reason: 'revoked' });
  assert.ok(!JSON.stringify(revokedEvent, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)).includes(secret), 'the secret is never logged');
  const [unknownEvent] = await events.findMany({ where: { requestId: unknown.requestId } });
  assert.deepEqual(unknownEvent?.details, { reason: 'unknown' });
  const stored = await db().apiToken.findUniqueOrThrow({ where: { id: token.id } });
  assert.ok(!Object.values(stored).includes(secret), 'only the hash is stored');
});

test('the SDN file imports per row, re-imports as unchanged, versions changes and delists only from a clean file', async () => {
  const { caller } = await tokenCaller(['watchlists:write']);
  const source = await freshSource('SDN-TEST');
  const first = (await importSdnFile(caller, source.code, SDN, null)).body;
  assert.ok(first.rows > 10_000, `${first.rows} rows read`);
  assert.equal(first.created, first.rows);
  assert.equal(await db().watchlistEntry.count({ where: { sourceId: source.id } }), first.rows);

  const again = (await importSdnFile(caller, source.code, SDN, null)).body;
  assert.deepEqual([again.created, again.changed, again.unchanged], [0, 0, first.rows]);

  // One entry renamed, one line broken: the rename is a new version; nothing is delisted.
  const lines = SDN.split(/\r?\n/);
  const target = lines.findIndex((line) => /^\d+,"[^"]+","individual"/.test(line));
  const externalId = lines[target]?.split(',')[0] as string;
  const renamed = [...lines];
  renamed[target] = (renamed[target] as string).replace(/^(\d+),"([^"]+)"/, '$1,"$2 JUNIOR"');
  renamed.splice(target + 1, 0, '99999999,"BROKEN ROW"');
  const changed = (await importSdnFile(caller, source.code, renamed.join('\n'), null)).body;
  assert.equal(changed.changed, 1);
  assert.equal(changed.delistingApplied, false);
  assert.equal(changed.delisted, 0);
  assert.deepEqual(changed.errors.map((error) => error.line), [target + 2], 'the broken row is named by its line');
  const entry = await db().watchlistEntry.findUniqueOrThrow({ where: { sourceId_externalId: { sourceId: source.id, externalId } } });
  assert.equal(entry.version, 2);

  // A clean file without that entry says it is no longer listed.
  const shorter = lines.filter((_, i) => i !== target).join('\n');
  const delisting = (await importSdnFile(caller, source.code, shorter, null)).body;
  assert.equal(delisting.delistingApplied, true);
  assert.equal(delisting.delisted, 1);
  const gone = await db().watchlistEntry.findUniqueOrThrow({ where: { sourceId_externalId: { sourceId: source.id, externalId } } });
  assert.ok(gone.expiresAt && gone.expiresAt <= new Date());
});

test('concurrent retries with one Idempotency-Key create one batch and get one answer', async () => {
  const { caller } = await tokenCaller(['travellers:write']);
  const source = await freshSource('IDEM');
  const request = {
    externalRef: `manifest-${crypto.randomUUID()}`,
    sources: [source.code],
    travellers: [{ familyName: 'NOBODY', givenNames: 'IN PARTICULAR', flightNumber: 'LH400', flightDate: '2026-11-26', departureAirport: 'FRA', arrivalAirport: 'JFK', sex: 'U' as const, itinerary: [], coTravellerCount: 0 }],
  };
  const key = `key-${crypto.randomUUID()}`;
  const answers = await Promise.all(Array.from({ length: 5 }, () => submitScreening(caller, request, key)));
  assert.equal(new Set(answers.map((answer) => answer.body.id)).size, 1);
  assert.equal(answers.filter((answer) => !answer.replayed).length, 1);
  assert.equal(await db().screeningBatch.count({ where: { externalRef: request.externalRef } }), 1);
  assert.equal(await db().traveller.count({ where: { screeningBatchId: answers[0]?.body.id } }), 1);
});

test('a stored hit explains the match without quoting the traveller; the detail reads the values from the traveller row', async () => {
  // The listed person of a factory hit; the traveller the external engine matched to it differs in every value.
  const { entry } = await createHit();
  const { caller } = await tokenCaller(['hits:write']);
  const traveller = {
    familyName: 'Vandersloot', givenNames: 'Ottoline', dateOfBirth: '1975-03-14', sex: 'F' as const, nationality: 'NLD', documentNumber: 'NX4471923',
    flightNumber: 'KL1771', flightDate: '2026-11-26', departureAirport: 'AMS', arrivalAirport: 'FRA', itinerary: [], coTravellerCount: 0,
  };
  const answer = await submitExternalHits(caller, { hits: [{ traveller, entry: { source: 'TEST-LIST', externalId: entry.externalId }, score: 0.8 }] }, null);
  const hitId = answer.body.hits?.[0]?.id;
  assert.ok(hitId, 'the hit was created');

  const [stored] = await db().$queryRaw<{ text: string; items: number; quoting: number }[]>`
    SELECT explanation::text AS text, jsonb_array_length(explanation) AS items,
           (SELECT count(*)::int FROM jsonb_array_elements(explanation) i WHERE i ? 'travellerValue') AS quoting
      FROM "Hit" WHERE id = ${hitId}::uuid`;
  assert.equal(stored?.items, 5, 'all five fields are explained');
  assert.equal(stored?.quoting, 0, 'no item holds a travellerValue');
  assert.doesNotMatch(stored?.text ?? '', /Vandersloot|Ottoline|1975-03-14|NX4471923|NLD/, 'the stored row quotes no traveller value');
  assert.match(stored?.text ?? '', /QUARTERMAIN/, 'the listed values stay');

  const detail = await getHit(callerFor(await createUser('ANALYST')), hitId);
  const said = Object.fromEntries(detail.explanation.map((item) => [item.field, item.travellerValue]));
  assert.deepEqual(said, { familyName: 'V****', givenNames: 'O****', dateOfBirth: '1975-••-••', nationality: 'NLD', document: '••••••23' });
});
