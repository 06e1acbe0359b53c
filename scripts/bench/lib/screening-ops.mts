// What the screening benchmark sends and what it compares it with: request bodies for
// POST /api/v1/screenings and POST /api/v1/hits built from synthetic travellers, a bearer
// token made straight in the database, and the bare INSERTs of the same rows (set-based,
// one INSERT … SELECT FROM unnest per table) in a transaction that is rolled back.
import { send } from './http-client.mts';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { newTokenSecret } from '../../../server/api-tokens/token-secret.ts';
import { listedPersonTraveller } from '../../../server/screening/labelled-set.ts';
import { VARIANT_KINDS } from '../../../server/screening/name-variants.ts';
import { seededRandom, type SeededRandom } from '../../../server/screening/seeded-random.ts';
import type { ScreeningEntry, ScreeningTraveller } from '../../../server/screening/screening-types.ts';

const AIRPORTS = ['FRA', 'MUC', 'CDG', 'AMS', 'MAD', 'FCO', 'IST', 'DXB', 'JFK', 'LHR', 'VIE', 'WAW', 'ATH', 'CAI', 'DOH', 'BEY', 'TLV', 'ORD', 'YYZ', 'DEL'];
const AIRLINES = ['LH', 'AF', 'KL', 'TK', 'EK', 'BA', 'OS', 'LO', 'A3', 'MS', 'QR'];
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const pad = (n: number) => String(n).padStart(2, '0');
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const clamp = (value: string | null, max: number) => {
  const trimmed = value?.trim().slice(0, max).trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
};
const alpha3 = (value: string | null) => (value && /^[A-Z]{3}$/.test(value) ? value : undefined);

/** A TravellerInput as a carrier would send it: the screened identity plus booking and flight. */
export function travellerInput(person: ScreeningTraveller, random: SeededRandom, externalRef: string): Record<string, unknown> {
  const from = random.pick(AIRPORTS);
  let to = random.pick(AIRPORTS);
  if (to === from) to = from === 'FRA' ? 'JFK' : 'FRA';
  const flightNumber = `${random.pick(AIRLINES)}${random.int(10, 9999)}`;
  const flightDate = dayFromNow(random.int(0, 2));
  const nationality = alpha3(person.nationality);
  let booking = '';
  for (let i = 0; i < 6; i++) booking += LETTERS[random.int(0, LETTERS.length - 1)];
  const input: Record<string, unknown> = {
    externalRef,
    familyName: clamp(person.familyName, 100),
    givenNames: clamp(person.givenNames, 150),
    dateOfBirth: person.dateOfBirth ?? undefined,
    sex: random.chance(0.5) ? 'F' : 'M',
    nationality,
    documentType: person.documentNumber ? 'P' : undefined,
    documentNumber: clamp(person.documentNumber, 40),
    documentIssuingCountry: person.documentNumber ? nationality : undefined,
    documentExpiry: person.documentNumber ? `${random.int(2027, 2035)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}` : undefined,
    bookingReference: booking,
    reservationDate: dayFromNow(-random.int(1, 60)),
    flightNumber,
    flightDate,
    departureAirport: from,
    arrivalAirport: to,
    itinerary: [{ flightNumber, date: flightDate, from, to, departure: `${pad(random.int(0, 23))}:${pad(random.int(0, 59))}` }],
    contactEmail: `passenger.${externalRef.toLowerCase()}@example.com`,
    contactPhone: `+49 ${random.int(100, 999)} ${random.int(1_000_000, 9_999_999)}`,
    paymentSummary: `CC VISA XXXX${random.int(1000, 9999)}`,
    travelStatus: 'CONFIRMED',
    coTravellerCount: random.int(0, 3),
  };
  for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
  return input;
}

/** The screening requests: `travellers` in batches of `batchSize`, against `sources`. */
export function screeningBodies(people: readonly ScreeningTraveller[], batchSize: number, sources: readonly string[], tag: string, seed: number): string[] {
  const random = seededRandom(seed);
  const bodies: string[] = [];
  for (let from = 0; from < people.length; from += batchSize) {
    const travellers = people.slice(from, from + batchSize).map((person, i) => travellerInput(person, random, `${tag}-S${from + i}`));
    bodies.push(JSON.stringify({ externalRef: `${tag}-screening-${from / batchSize}`, sources, travellers }));
  }
  return bodies;
}

export interface ExternalHitPlan {
  bodies: string[];
  /** Hits per body. */
  sizes: number[];
}

/**
 * The external engine's hits: each a listed individual travelling under a variant of
 * their listed name (one traveller per hit), the entry by the list's code and OFAC's
 * id, a score between 0.75 and 0.99.
 */
export function externalHitBodies(individuals: readonly ScreeningEntry[], count: number, batchSize: number, source: string, tag: string, seed: number): ExternalHitPlan {
  const random = seededRandom(seed);
  const hits: Record<string, unknown>[] = [];
  while (hits.length < count) {
    const entry = random.pick(individuals);
    const person = listedPersonTraveller(entry, random.pick(VARIANT_KINDS), random);
    if (!person || !clamp(person.familyName, 100)) continue;
    hits.push({ traveller: travellerInput(person, random, `${tag}-H${hits.length}`), entry: { source, externalId: entry.id }, score: Math.round((0.75 + random.next() * 0.24) * 1000) / 1000 });
  }
  const bodies: string[] = [];
  const sizes: number[] = [];
  for (let from = 0; from < hits.length; from += batchSize) {
    const batch = hits.slice(from, from + batchSize);
    bodies.push(JSON.stringify({ externalRef: `${tag}-hits-${from / batchSize}`, hits: batch }));
    sizes.push(batch.length);
  }
  return { bodies, sizes };
}

/** A bearer token with every ingestion scope, created straight in the database; returns its secret. */
export async function createBenchToken(pool: pg.Pool): Promise<string> {
  const { secret, prefix, hash } = newTokenSecret();
  await pool.query(
    `INSERT INTO "ApiToken" (id, name, "tokenHash", prefix, scopes, "expiresAt") VALUES ($1, $2, $3, $4, $5, now() + interval '1 day')`,
    [randomUUID(), `screening benchmark ${new Date().toISOString()}`, hash, prefix, ['travellers:write', 'hits:write', 'watchlists:write', 'batches:read']],
  );
  return secret;
}

export interface PostAnswer {
  hitsCreated: number;
  hits: { travellerIndex: number; entry: { source: string; externalId: string }; score: number }[];
}

/** POSTs one body; anything but 201 is an error with the server's message. */
export async function postJson(url: string, secret: string, body: string): Promise<PostAnswer> {
  const { status, text } = await send(url, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body });
  if (status !== 201) throw new Error(`${status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as PostAnswer;
}

// ---- The bare INSERTs -------------------------------------------------------------------

interface Column {
  name: string;
  type: string;
}

/** One INSERT … SELECT FROM unnest($1::type[], …) for all rows of a table. */
async function insertRows(client: pg.PoolClient, table: string, columns: readonly Column[], rows: readonly unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map((_, c) => rows.map((row) => row[c] ?? null));
  // jsonb arrays travel as text[]: pg would otherwise turn JS objects into array literals.
  const selects = columns.map((column, c) => (column.type === 'jsonb' ? `u.c${c}::jsonb` : `u.c${c}`));
  const unnest = columns.map((column, c) => `$${c + 1}::${column.type === 'jsonb' ? 'text' : column.type}[]`).join(', ');
  const names = columns.map((column) => `"${column.name}"`).join(', ');
  const aliases = columns.map((_, c) => `c${c}`).join(', ');
  await client.query(`INSERT INTO "${table}" (${names}) SELECT ${selects.join(', ')} FROM unnest(${unnest}) AS u(${aliases})`, arrays);
}

const TRAVELLER_COLUMNS: Column[] = [
  ['id', 'uuid'], ['familyName', 'text'], ['givenNames', 'text'], ['dateOfBirth', 'date'], ['yearOfBirth', 'int'], ['sex', '"Sex"'],
  ['nationality', 'text'], ['documentType', 'text'], ['documentNumber', 'text'], ['documentIssuingCountry', 'text'], ['documentExpiry', 'date'],
  ['bookingReference', 'text'], ['reservationDate', 'date'], ['flightNumber', 'text'], ['flightDate', 'date'], ['departureAirport', 'text'],
  ['arrivalAirport', 'text'], ['itinerary', 'jsonb'], ['contactEmail', 'text'], ['contactPhone', 'text'], ['paymentSummary', 'text'],
  ['travelStatus', 'text'], ['coTravellerCount', 'int'], ['screeningBatchId', 'uuid'], ['externalRef', 'text'],
].map(([name, type]) => ({ name: name as string, type: type as string }));

const HIT_COLUMNS: Column[] = [
  ['id', 'uuid'], ['travellerId', 'uuid'], ['entryId', 'uuid'], ['entryVersion', 'int'], ['screeningBatchId', 'uuid'], ['sourceId', 'uuid'],
  ['offenceCategory', 'text'], ['flightDate', 'date'], ['score', 'float8'], ['explanation', 'jsonb'], ['priority', 'int'], ['dueAt', 'timestamptz'],
  ['createdAt', 'timestamptz'], ['updatedAt', 'timestamptz'],
].map(([name, type]) => ({ name: name as string, type: type as string }));

const HIT_EVENT_COLUMNS: Column[] = [['id', 'uuid'], ['hitId', 'uuid'], ['type', '"HitEventType"'], ['toStatus', '"HitStatus"'], ['at', 'timestamptz'], ['data', 'jsonb']].map(([name, type]) => ({ name: name as string, type: type as string }));

const EVENT_COLUMNS: Column[] = [
  ['at', 'timestamptz'], ['actorType', '"ActorType"'], ['actorId', 'uuid'], ['actorLabel', 'text'], ['operation', '"AccessOperation"'], ['outcome', '"AccessOutcome"'],
  ['resourceType', 'text'], ['resourceId', 'text'], ['travellerId', 'uuid'], ['purpose', 'text'], ['requestId', 'text'], ['ip', 'text'], ['userAgent', 'text'],
  ['details', 'jsonb'], ['contentHash', 'bpchar'],
].map(([name, type]) => ({ name: name as string, type: type as string }));

export interface DirectContext {
  sourceId: string;
  /** OFAC id → the entry's row id, version and offence category. */
  entries: ReadonlyMap<string, { id: string; version: number; offenceCategory: string }>;
  /** A real hit's explanation, so the rows are the size the app writes. */
  explanation: string;
}

export async function loadDirectContext(pool: pg.Pool, sourceCode: string): Promise<DirectContext> {
  const source = (await pool.query<{ id: string }>(`SELECT id FROM "WatchlistSource" WHERE code = $1`, [sourceCode])).rows[0];
  if (!source) throw new Error(`There is no watchlist source ${sourceCode}: the seed should have made it.`);
  const rows = (await pool.query<{ id: string; externalId: string; version: number; offenceCategory: string }>(
    `SELECT id, "externalId", version, "offenceCategory" FROM "WatchlistEntry" WHERE "sourceId" = $1 AND type = 'INDIVIDUAL' AND ("expiresAt" IS NULL OR "expiresAt" > now())`,
    [source.id],
  )).rows;
  const sample = (await pool.query<{ explanation: string }>(`SELECT explanation::text AS explanation FROM "Hit" WHERE "sourceId" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [source.id])).rows[0];
  return { sourceId: source.id, entries: new Map(rows.map((row) => [row.externalId, { id: row.id, version: row.version, offenceCategory: row.offenceCategory }])), explanation: sample?.explanation ?? '[]' };
}

/** A time-ordered UUID (version 7), as the app gives travellers and hits (server/ingest/insert-rows.ts). */
function uuidV7(now: number): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | ((bytes[6] as number) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

interface ParsedHit {
  /** Index of the traveller in the body's traveller list. */
  traveller: number;
  externalId: string;
  score: number;
}

/**
 * The rows one API request writes, inserted set-based and rolled back (no commit, so the
 * hash chain never sees fake events): the ScreeningBatch, the travellers, the hits with
 * their CREATED history and the pending access events (COLLECTION per traveller, and
 * COMBINATION per traveller for a screening or per hit for external hits).
 */
export async function insertLikeRequest(pool: pg.Pool, context: DirectContext, travellers: readonly Record<string, unknown>[], hits: readonly ParsedHit[], combination: 'traveller' | 'hit'): Promise<void> {
  const now = new Date();
  const batchId = randomUUID();
  // The ids the app gives them: time-ordered, so the rows are the same to every index.
  const travellerIds = travellers.map(() => uuidV7(now.getTime()));
  const day = (value: unknown) => (typeof value === 'string' ? value : null);
  const travellerRows = travellers.map((t, i) => [
    travellerIds[i], t.familyName, t.givenNames, day(t.dateOfBirth), typeof t.dateOfBirth === 'string' ? Number(t.dateOfBirth.slice(0, 4)) : null, t.sex,
    t.nationality, t.documentType, t.documentNumber, t.documentIssuingCountry, day(t.documentExpiry), t.bookingReference, day(t.reservationDate),
    t.flightNumber, t.flightDate, t.departureAirport, t.arrivalAirport, JSON.stringify(t.itinerary ?? []), t.contactEmail, t.contactPhone,
    t.paymentSummary, t.travelStatus, t.coTravellerCount, batchId, t.externalRef,
  ]);
  const dueAt = new Date(now.getTime() + 12 * 3_600_000);
  const hitIds = hits.map(() => uuidV7(now.getTime()));
  const hitRows = hits.map((hit, i) => {
    const entry = context.entries.get(hit.externalId);
    if (!entry) throw new Error(`entry ${hit.externalId} is not in the database`);
    return [hitIds[i], travellerIds[hit.traveller], entry.id, entry.version, batchId, context.sourceId, entry.offenceCategory, travellers[hit.traveller]?.flightDate, hit.score, context.explanation, 3, dueAt, now, now];
  });
  const hitEventRows = hits.map((hit, i) => [uuidV7(now.getTime()), hitIds[i], 'CREATED', 'NEW', now, JSON.stringify({ score: hit.score, screeningBatchId: batchId })]);
  const event = (operation: string, resourceType: string, resourceId: string, travellerId: string, details: unknown) => [
    now, 'TOKEN', null, 'token screening benchmark', operation, 'ALLOWED', resourceType, resourceId, travellerId, 'PNR art. 6(3)(a): comparison against relevant databases',
    randomUUID(), '127.0.0.1', 'bench', JSON.stringify(details), '0'.repeat(64),
  ];
  const events = travellerIds.map((id) => event('COLLECTION', 'traveller', id, id, { screeningBatchId: batchId }));
  if (combination === 'traveller') {
    const hitsOf = new Map<string, string[]>();
    hits.forEach((hit, i) => hitsOf.set(travellerIds[hit.traveller] as string, [...(hitsOf.get(travellerIds[hit.traveller] as string) ?? []), hitIds[i] as string]));
    for (const id of travellerIds) events.push(event('COMBINATION', 'traveller', id, id, { screeningBatchId: batchId, sources: ['OFAC-SDN'], hits: hitsOf.get(id) ?? [] }));
  } else {
    hits.forEach((hit, i) => events.push(event('COMBINATION', 'hit', hitIds[i] as string, travellerIds[hit.traveller] as string, { screeningBatchId: batchId, entryId: context.entries.get(hit.externalId)?.id, entryVersion: 1, score: hit.score })));
  }

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`INSERT INTO "ScreeningBatch" (id, kind, day, "travellersScreened", status, "startedAt") VALUES ($1, 'SCREENING', $2, $3, 'RUNNING', $4)`, [batchId, now.toISOString().slice(0, 10), travellers.length, now]);
    await insertRows(client, 'Traveller', TRAVELLER_COLUMNS, travellerRows);
    await insertRows(client, 'Hit', HIT_COLUMNS, hitRows);
    await insertRows(client, 'HitEvent', HIT_EVENT_COLUMNS, hitEventRows);
    await insertRows(client, 'AccessEventPending', EVENT_COLUMNS, events);
    await client.query(`UPDATE "ScreeningBatch" SET status = 'COMPLETED', "finishedAt" = now(), "hitsCreated" = $2 WHERE id = $1`, [batchId, hits.length]);
    await client.query('ROLLBACK');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** The travellers and hits of a screening body, with the hits the API answered for it. */
export function screeningRows(body: string, answer: PostAnswer | undefined): { travellers: Record<string, unknown>[]; hits: ParsedHit[] } {
  const travellers = (JSON.parse(body) as { travellers: Record<string, unknown>[] }).travellers;
  return { travellers, hits: (answer?.hits ?? []).map((hit) => ({ traveller: hit.travellerIndex, externalId: hit.entry.externalId, score: hit.score })) };
}

/** The travellers and hits of an external-hits body (one traveller per hit). */
export function externalRows(body: string): { travellers: Record<string, unknown>[]; hits: ParsedHit[] } {
  const hits = (JSON.parse(body) as { hits: { traveller: Record<string, unknown>; entry: { externalId: string }; score: number }[] }).hits;
  return { travellers: hits.map((hit) => hit.traveller), hits: hits.map((hit, i) => ({ traveller: i, externalId: hit.entry.externalId, score: hit.score })) };
}
