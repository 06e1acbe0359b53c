import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';

// The ingestion API over real HTTP against the built server and its database (issue 7).
// Tokens are created as the administrator's action stores them (hash only); the admin
// UI that creates them has its own spec.

type Sql = <T extends Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;

async function createToken(sql: Sql, scopes: string[], name = `e2e ${scopes.join('+')}`): Promise<string> {
  const prefix = randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').slice(0, 8);
  const secret = `ppt_${prefix}_${randomBytes(32).toString('base64url')}`;
  await sql(
    `INSERT INTO "ApiToken" (id, name, "tokenHash", prefix, scopes, "expiresAt") VALUES ($1, $2, $3, $4, $5, now() + interval '1 day')`,
    [randomUUID(), name, createHash('sha256').update(secret).digest('hex'), prefix, scopes],
  );
  return secret;
}

const auth = (secret: string, extra: Record<string, string> = {}) => ({ Authorization: `Bearer ${secret}`, ...extra });

// A listed person nobody else is named like, so screening against the list finds exactly them.
function uniquePerson() {
  const tag = randomBytes(4).toString('hex').replace(/\d/g, (d) => 'QWXZKJVBYP'[Number(d)] as string).toUpperCase();
  return { familyName: `ZORVAK${tag}`, givenNames: `QUENDOLYN ${tag}ARIS`, dateOfBirth: '1971-03-14' };
}

function traveller(person: { familyName: string; givenNames: string; dateOfBirth: string }, extra: Record<string, unknown> = {}) {
  return {
    externalRef: `pax-${randomUUID().slice(0, 8)}`,
    familyName: person.familyName,
    givenNames: person.givenNames,
    dateOfBirth: person.dateOfBirth,
    nationality: 'DEU',
    documentNumber: 'C01X00T47',
    flightNumber: 'LH400',
    flightDate: '2026-11-26',
    departureAirport: 'FRA',
    arrivalAirport: 'JFK',
    ...extra,
  };
}

async function listEntry(request: APIRequestContext, secret: string, person: ReturnType<typeof uniquePerson>, externalId: string, aliases: { name: string }[] = []) {
  const response = await request.post('/api/v1/watchlists/NATIONAL-ALERTS/entries', {
    headers: auth(secret),
    data: { entries: [{ externalId, primaryName: `${person.familyName}, ${person.givenNames}`, familyName: person.familyName, givenNames: person.givenNames, aliases, datesOfBirth: [{ value: person.dateOfBirth, precision: 'DAY' }], offenceCategory: 'terrorism' }] },
  });
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

async function screen(request: APIRequestContext, secret: string, body: unknown, headers: Record<string, string> = {}) {
  return request.post('/api/v1/screenings', { headers: auth(secret, headers), data: body });
}

test('missing, wrong and under-scoped tokens are refused and recorded', async ({ request, sql }) => {
  const before = await sql<{ n: string }>(`SELECT count(*)::text AS n FROM "AccessEvent" WHERE operation IN ('LOGIN_FAILED', 'DENIED')`);
  const missing = await request.post('/api/v1/screenings', { data: { travellers: [] } });
  expect(missing.status()).toBe(401);
  const wrong = await request.post('/api/v1/screenings', { headers: auth(`ppt_abcdefgh_${'x'.repeat(43)}`), data: { travellers: [] } });
  expect(wrong.status()).toBe(401);
  expect(wrong.headers()['www-authenticate']).toBe('Bearer');
  const readOnly = await createToken(sql, ['batches:read']);
  const underScoped = await request.post('/api/v1/screenings', { headers: auth(readOnly), data: { travellers: [] } });
  expect(underScoped.status()).toBe(403);
  // A token never reaches what users read, whatever its scopes.
  const all = await createToken(sql, ['watchlists:write', 'travellers:write', 'hits:write', 'batches:read']);
  expect((await request.get('/api/v1/hits', { headers: auth(all) })).status()).toBe(403);
  const after = await sql<{ n: string }>(`SELECT count(*)::text AS n FROM "AccessEvent" WHERE operation IN ('LOGIN_FAILED', 'DENIED')`);
  expect(Number(after[0]?.n) - Number(before[0]?.n)).toBe(4);
});

test('bad input gets 400 or 413 with the field path, and nothing is stored', async ({ request, sql }) => {
  const secret = await createToken(sql, ['travellers:write']);
  const count = async () => Number((await sql<{ n: string }>(`SELECT count(*)::text AS n FROM "Traveller"`))[0]?.n);
  const before = await count();
  const person = uniquePerson();

  const malformed = await request.post('/api/v1/screenings', { headers: { ...auth(secret), 'Content-Type': 'application/json' }, data: Buffer.from('{"travellers": [') });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).message).toMatch(/not valid JSON/);

  const cases: [unknown, string][] = [
    [{ travellers: [traveller(person, { dateOfBirth: 19710314 })] }, 'travellers.0.dateOfBirth'],
    [{ travellers: [traveller(person, { religion: 'any' })] }, 'travellers.0'],
    [{ travellers: [traveller(person, { familyName: 'X'.repeat(101) })] }, 'travellers.0.familyName'],
    [{ travellers: [traveller(person), traveller(person, { flightDate: '2026-13-01' })] }, 'travellers.1.flightDate'],
    [{ travellers: Array.from({ length: 1001 }, () => ({})) }, 'travellers'],
    [{ travellers: [traveller(person)], sources: ['NO-SUCH-LIST'] }, 'sources.0'],
  ];
  for (const [body, path] of cases) {
    const response = await screen(request, secret, body);
    expect(response.status(), path).toBe(400);
    const answer = (await response.json()) as { issues: { path: string; message: string }[] };
    expect(answer.issues.map((issue) => issue.path), JSON.stringify(answer.issues)).toContain(path);
  }
  const unknownKey = await screen(request, secret, { travellers: [traveller(person, { religion: 'any' })] });
  expect(JSON.stringify(await unknownKey.json())).toMatch(/religion/);

  const huge = await request.post('/api/v1/screenings', { headers: { ...auth(secret), 'Content-Type': 'application/json' }, data: `{"travellers":[],"pad":"${'x'.repeat(9 * 1024 * 1024)}"}` });
  expect(huge.status()).toBe(413);
  expect(await count()).toBe(before);
});

test('a retried screening with the same Idempotency-Key returns the first answer and stores nothing twice', async ({ request, sql }) => {
  const writer = await createToken(sql, ['watchlists:write']);
  const secret = await createToken(sql, ['travellers:write', 'batches:read']);
  const person = uniquePerson();
  await listEntry(request, writer, person, `E2E-${randomUUID()}`);
  const body = { externalRef: `manifest-${randomUUID().slice(0, 8)}`, sources: ['NATIONAL-ALERTS'], travellers: [traveller(person)] };
  const key = `retry-${randomUUID()}`;

  const first = await screen(request, secret, body, { 'Idempotency-Key': key });
  expect(first.status(), await first.text()).toBe(201);
  const answer = await first.json();
  expect(answer.hitsCreated).toBe(1);
  const again = await screen(request, secret, body, { 'Idempotency-Key': key });
  expect(again.status()).toBe(201);
  expect(again.headers()['idempotent-replayed']).toBe('true');
  expect(await again.json()).toEqual(answer);
  const batches = await sql(`SELECT 1 FROM "ScreeningBatch" WHERE "externalRef" = $1`, [body.externalRef]);
  expect(batches).toHaveLength(1);

  const reused = await screen(request, secret, { ...body, externalRef: 'another manifest' }, { 'Idempotency-Key': key });
  expect(reused.status()).toBe(409);

  const status = await request.get(`/api/v1/screenings/${answer.id}`, { headers: auth(secret) });
  expect(status.status()).toBe(200);
  expect(await status.json()).toMatchObject({ id: answer.id, travellersScreened: 1, hitsCreated: 1, status: 'COMPLETED' });
});

test('a cleared identity does not hit again; a change of the entry raises it again', async ({ request, sql, loginAs, page }) => {
  const writer = await createToken(sql, ['watchlists:write']);
  const secret = await createToken(sql, ['travellers:write']);
  const person = uniquePerson();
  const externalId = `E2E-${randomUUID()}`;
  await listEntry(request, writer, person, externalId);
  const body = () => ({ sources: ['NATIONAL-ALERTS'], travellers: [traveller(person)] });

  const first = await (await screen(request, secret, body())).json();
  expect(first.hitsCreated).toBe(1);
  const hitId = first.hits[0].id as string;
  const collected = await sql(`SELECT 1 FROM "AccessEvent" WHERE operation = 'COLLECTION' AND "travellerId" = $1`, [first.travellers[0].id]);
  const combined = await sql(`SELECT 1 FROM "AccessEvent" WHERE operation = 'COMBINATION' AND "travellerId" = $1`, [first.travellers[0].id]);
  expect(collected).toHaveLength(1);
  expect(combined).toHaveLength(1);

  // An analyst clears it as a false positive, through the app's own API.
  await loginAs('analyst');
  const [hit] = await sql<{ version: number }>(`SELECT version FROM "Hit" WHERE id = $1`, [hitId]);
  // Same-origin, as the browser's own calls are (cross-site requests are refused before any rule).
  const decision = await page.request.post(`/api/v1/hits/${hitId}/decision`, {
    headers: { Origin: new URL(page.url()).origin },
    data: { decision: 'clear', reason: 'DIFFERENT_DOCUMENT', version: hit?.version },
  });
  expect(decision.status(), await decision.text()).toBe(200);

  const second = await (await screen(request, secret, body())).json();
  expect(second).toMatchObject({ hitsCreated: 0, hitsSuppressed: 1 });

  // The list changes the entry (a new alias): a new version is a new question.
  const changed = await listEntry(request, writer, person, externalId, [{ name: `${person.familyName}, QUENDO` }]);
  expect(changed).toMatchObject({ changed: 1 });
  const third = await (await screen(request, secret, body())).json();
  expect(third).toMatchObject({ hitsCreated: 1, hitsSuppressed: 0 });
});

test('special categories in free text are deleted on receipt and the deletion is recorded', async ({ request, sql }) => {
  const secret = await createToken(sql, ['travellers:write']);
  const person = uniquePerson();
  const answer = await (await screen(request, secret, { sources: ['NATIONAL-ALERTS'], travellers: [traveller(person, { generalRemarks: 'SSR MOML HK1 seat 12A' })] })).json();
  expect(answer.sensitiveValuesDeleted).toBe(1);
  const travellerId = answer.travellers[0].id as string;
  const [row] = await sql<{ generalRemarks: string | null }>(`SELECT "generalRemarks" FROM "Traveller" WHERE id = $1`, [travellerId]);
  expect(row?.generalRemarks).toBeNull();
  const [erasure] = await sql<{ details: { field: string; category: string } }>(`SELECT details FROM "AccessEvent" WHERE operation = 'ERASURE' AND "travellerId" = $1`, [travellerId]);
  expect(erasure?.details).toMatchObject({ field: 'generalRemarks', category: 'religion' });
  expect(JSON.stringify(erasure)).not.toMatch(/MOML/);
});

test('external hits are stored with their travellers, once per externalRef, all or nothing', async ({ request, sql }) => {
  const writer = await createToken(sql, ['watchlists:write']);
  const secret = await createToken(sql, ['hits:write']);
  const person = uniquePerson();
  const externalId = `E2E-${randomUUID()}`;
  await listEntry(request, writer, person, externalId);
  const pax = traveller(person);
  const bad = await request.post('/api/v1/hits', {
    headers: auth(secret),
    data: { hits: [{ traveller: pax, entry: { source: 'NATIONAL-ALERTS', externalId }, score: 0.9 }, { traveller: pax, entry: { source: 'NATIONAL-ALERTS', externalId: 'NOT-LISTED' }, score: 0.8 }] },
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).issues[0].path).toBe('hits.1.entry');
  expect(await sql(`SELECT 1 FROM "Traveller" WHERE "externalRef" = $1`, [pax.externalRef])).toHaveLength(0);

  const good = await request.post('/api/v1/hits', { headers: auth(secret), data: { travellersScreened: 250, hits: [{ traveller: pax, entry: { source: 'NATIONAL-ALERTS', externalId }, score: 0.91 }] } });
  expect(good.status(), await good.text()).toBe(201);
  const answer = await good.json();
  expect(answer).toMatchObject({ hitsCreated: 1, travellersScreened: 250 });
  const [stored] = await sql<{ score: number; explanation: { field: string }[] }>(`SELECT score, explanation FROM "Hit" WHERE id = $1`, [answer.hits[0].id]);
  expect(stored?.score).toBeCloseTo(0.91);
  expect(stored?.explanation.map((item) => item.field)).toEqual(['familyName', 'givenNames', 'dateOfBirth', 'nationality', 'document']);
});

test('the OpenAPI document describes the endpoints from the same schemas', async ({ request }) => {
  const response = await request.get('/api/v1/openapi.json');
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document.openapi).toBe('3.1.0');
  expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/screenings', '/api/v1/hits', '/api/v1/watchlists/{source}/import']));
  const schema = JSON.stringify(document.paths['/api/v1/screenings'].post.requestBody);
  expect(schema).toContain('"maxItems":1000');
  expect(schema).toContain('additionalProperties');
});
