import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { screeningRequestSchema, watchlistEntriesRequestSchema } from '@/lib/schemas/ingest';
import { callerFromToken } from '@/server/api-tokens/authenticate-token';
import { createApiToken } from '@/server/api-tokens/manage-api-tokens';
import { ForbiddenError } from '@/server/auth/errors';
import { db } from '@/server/db';
import { callerFor, chainedAccessEvents, createUser } from '@/server/testing/factories';
import { submitScreening } from '../screenings/submit-screening';
import { ingestWatchlistEntries } from './ingest-entries';
import { updateWatchlistSourceThreshold } from './update-source-threshold';

after(() => db().$disconnect());

// A listed name and a traveller spelled a little differently, with no date of birth or
// document to confirm it: a hit at the default threshold, with a score below 1.
// Each family name is random letters, so that no two people of the test resemble each other.
const person = () => {
  const letters = Array.from(crypto.getRandomValues(new Uint8Array(11)), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
  return { family: letters, given: 'KONSTANTIN' };
};

test('a list’s match threshold decides which scores raise a hit, and its change is recorded', async () => {
  const admin = callerFor(await createUser('ADMINISTRATOR'));
  // Travellers come from a system with its token; administrators never send or see them.
  const { secret } = await createApiToken(admin, { name: 'threshold test feed', scopes: ['travellers:write'], expiresInDays: 1 });
  const feed = await callerFromToken(secret, { requestId: crypto.randomUUID(), ip: null, userAgent: 'threshold-test' });
  assert.ok(feed);
  const source = await db().watchlistSource.create({ data: { code: `THRESHOLD-${crypto.randomUUID().slice(0, 6)}`, name: 'Threshold test list', defaultLegalBasis: 'Test basis' } });
  const screen = async (name: { family: string; given: string }) =>
    (
      await submitScreening(
        feed,
        screeningRequestSchema.parse({
          sources: [source.code],
          travellers: [{ familyName: name.family, givenNames: 'KONSTANTYN', flightNumber: 'LH400', flightDate: '2026-11-20', departureAirport: 'JFK', arrivalAirport: 'FRA' }],
        }),
        null,
      )
    ).body;
  const list = async (name: { family: string; given: string }) =>
    ingestWatchlistEntries(
      admin,
      source.code,
      watchlistEntriesRequestSchema.parse({ entries: [{ externalId: name.family, primaryName: `${name.family}, ${name.given}`, familyName: name.family, givenNames: name.given, offenceCategory: 'terrorism' }] }),
      null,
    );

  const first = person();
  await list(first);
  const atDefault = await screen(first);
  assert.equal(atDefault.hitsCreated, 1);
  const score = atDefault.hits?.[0]?.score ?? 1;
  assert.ok(score < 0.99, `the variant scores below the top of the range (${score})`);

  const stricter = Math.min(0.99, Math.ceil((score + 0.005) * 100) / 100);
  const updated = await updateWatchlistSourceThreshold(admin, source.code, { matchThreshold: stricter });
  assert.equal(updated.matchThreshold, stricter);
  const second = person();
  await list(second);
  assert.equal((await screen(second)).hitsCreated, 0, 'the same kind of match stays below the stricter threshold');

  await updateWatchlistSourceThreshold(admin, source.code, { matchThreshold: null });
  const third = person();
  await list(third);
  assert.equal((await screen(third)).hitsCreated, 1, 'back at the engine’s default');

  const changes = await (await chainedAccessEvents()).findMany({ where: { operation: 'ALTERATION', resourceType: 'watchlist', resourceId: source.code }, orderBy: { seq: 'asc' } });
  assert.deepEqual(changes.map((event) => event.details), [
    { field: 'matchThreshold', from: null, to: stricter },
    { field: 'matchThreshold', from: stricter, to: null },
  ]);

  await assert.rejects(updateWatchlistSourceThreshold(callerFor(await createUser('SUPERVISOR')), source.code, { matchThreshold: 0.9 }), ForbiddenError);
  // A system that sends the list's entries does not decide what raises a hit (watchlists.manage).
  const listFeed = await createApiToken(admin, { name: 'threshold test list feed', scopes: ['watchlists:write'], expiresInDays: 1 });
  const listFeedCaller = await callerFromToken(listFeed.secret, { requestId: crypto.randomUUID(), ip: null, userAgent: 'threshold-test' });
  assert.ok(listFeedCaller);
  await assert.rejects(updateWatchlistSourceThreshold(listFeedCaller, source.code, { matchThreshold: 0.9 }), ForbiddenError);
  assert.equal((await db().watchlistSource.findUniqueOrThrow({ where: { id: source.id } })).matchThreshold, null);
});
