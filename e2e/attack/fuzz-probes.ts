import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { EDGE_STRINGS, inputFor, leafEdgeCases, paramFor, queryFor, sameShape } from '../../lib/testing/fuzz-inputs';
import { FUZZ_SEED } from '../../lib/testing/fuzz-run';
import { SCHEMA_EXAMPLES } from '../../lib/testing/schema-examples';
import { FUZZ_ENTRY, FUZZ_SOURCE } from './fuzz-world';
import type { ApiEntry, Objects } from './route-manifest';

// What the fuzz suite sends each route: its path parameter, query string and body generated
// from a valid example (lib/testing/fuzz-inputs.ts) — mostly bent a little, so validation is
// passed and the code behind it is reached — sometimes anything at all; then, not left to
// chance, the valid request with one part at a time set to U+0000-ended text, year 0000 or a
// number past 32 bits. Reproducible: the seed is fixed (FUZZ_SEED overrides it), each route
// draws from its own, and the run's object ids are not among the draws' inputs (probesFor).

/** Requests per route: with input to bend; with a path parameter only; with nothing to send. */
const RUNS = { input: 30, param: 12, none: 3 } as const;
/** Fewer where each request costs more than a round trip, with the reason. */
const RUNS_FOR: Record<string, number> = {
  'POST /api/v1/account/password': 10, // two argon2id hashes per well-formed body
  'POST /api/v1/access-log/verify': 2, // starts verifying the whole chain (in the background)
  'POST /api/v1/hits/next': 2, // takes a hit from the shared queue (released afterwards)
  'POST /api/v1/account/totp': 2, // a new secret each time, nothing to bend
};

const metrics = SCHEMA_EXAMPLES.metricsQuerySchema as Record<string, string>;
const field = (record: string, key: string) => String(SCHEMA_EXAMPLES[`${record}.${key}`]);
const accessLog = Object.fromEntries(['actor', 'travellerId', 'bookingReference', 'documentNumber', 'operation', 'outcome', 'from', 'to', 'purpose', 'cursor'].map((key) => [key, field('accessLogFilterFields', key)]));
const hitQuery = Object.fromEntries(['status', 'source', 'offence', 'scoreMin', 'scoreMax', 'flightFrom', 'flightTo', 'assignee', 'overdue', 'sort', 'cursor'].map((key) => [key, field('hitFilterFields', key)]));
const period = { from: metrics.from as string, to: metrics.to as string, granularity: 'week', minTravellers: '30', minDecided: '20' };

/** Valid query parameters of the routes that read any. */
const QUERY_EXAMPLES: Record<string, Record<string, string>> = {
  'GET /api/v1/access-log': accessLog,
  'GET /api/v1/access-log/export': { ...accessLog, format: 'csv' },
  'GET /api/v1/access-log/person/[travellerId]/export': { format: 'json' },
  'GET /api/v1/escalations': { status: 'ALL' },
  'GET /api/v1/hits': hitQuery,
  'GET /api/v1/metrics': period,
  'GET /api/v1/metrics/export': { ...period, chart: 'disparity' },
  'GET /api/v1/metrics/pnr-statistics': { from: period.from, to: period.to, format: 'csv' },
};

const STALE_UPDATED_AT = '2020-01-01T00:00:00.000Z';
const SDN_ROWS = readFileSync(path.resolve(process.cwd(), 'prisma/data/ofac-sdn-2024-05-03/sdn.csv'), 'utf8').split('\n').slice(0, 3).join('\n');

/** A valid body: richer than the manifest's harmless one where a route takes a whole document; undefined for a route that reads none. */
function bodyExample(entry: ApiEntry, objects: Objects): unknown {
  const key = `${entry.method} ${entry.path}`;
  const hits = SCHEMA_EXAMPLES.externalHitsRequestSchema as { hits: { traveller: unknown; score: number }[] };
  switch (key) {
    case 'POST /api/v1/screenings':
      return { travellers: (SCHEMA_EXAMPLES.screeningRequestSchema as { travellers: unknown[] }).travellers };
    case 'POST /api/v1/hits':
      return { ...hits, hits: hits.hits.map((hit) => ({ ...hit, entry: { source: FUZZ_SOURCE, externalId: FUZZ_ENTRY } })) };
    case 'POST /api/v1/watchlists/[source]/entries':
      return SCHEMA_EXAMPLES.watchlistEntriesRequestSchema;
    case 'POST /api/v1/watchlists/[source]/import':
      return SDN_ROWS;
    case 'PATCH /api/v1/retention/policies/[dataClass]':
      // Valid, but not the policy's version: at best a 409.
      return { maskAfterDays: 90, eraseAfterDays: 1500, updatedAt: STALE_UPDATED_AT };
    default:
      return entry.body?.(objects);
  }
}

/** Inputs never sent, with the reason: what would do lasting harm to the shared run if valid. */
function sendable(entry: ApiEntry, body: unknown): boolean {
  // A real retention run would mask and erase what other suites still read.
  if (entry.path === '/api/v1/retention/runs' && typeof body === 'object' && body !== null && (body as { dryRun?: unknown }).dryRun === false) return false;
  return true;
}

export interface Probe {
  url: string;
  method: string;
  /** Raw bytes, so nothing re-encodes what was generated. */
  body?: Buffer;
  headers: Record<string, string>;
  /** A short description for failure messages. */
  input: string;
}

/** Not JSON at all: nothing, truncated, another type, bytes. */
const notJson = (example: string) =>
  fc.oneof(fc.constantFrom('', 'null', '{', '[1,', '"unterminated', '{"a":1}{"b":2}', '\u0000', '\ufeff{}'), fc.nat({ max: Math.max(0, example.length - 1) }).map((cut) => example.slice(0, cut)), fc.string({ unit: 'binary', maxLength: 60 }));

const HAS_BODY = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

interface Input {
  param?: string;
  query: [string, string][];
  body?: string;
  idempotency?: string;
}

// A lone surrogate (an edge string) cannot be percent-encoded: encodeURIComponent throws.
// It goes out as U+FFFD, which is what a client's UTF-8 encoder would send in its place.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormed = (text: string) => text.replace(LONE_SURROGATE, '\uFFFD');

function generateProbes(entry: ApiEntry, objects: Objects, id: string | undefined, index: number): Probe[] {
  const key = `${entry.method} ${entry.path}`;
  const example = bodyExample(entry, objects);
  const queryExample = QUERY_EXAMPLES[key] ?? Object.fromEntries(new URLSearchParams(entry.query ?? ''));
  const takesBody = HAS_BODY.has(entry.method) && example !== undefined;
  const text = entry.text !== undefined;
  const exampleText = text ? String(example) : JSON.stringify(example);
  const body: fc.Arbitrary<string | undefined> = !takesBody
    ? fc.constant(undefined)
    : text
      ? fc.oneof(sameShape(exampleText), fc.constantFrom(...EDGE_STRINGS).map((edge) => `${exampleText}\n${edge}`), inputFor(example).map((value) => (typeof value === 'string' ? value : JSON.stringify(value))))
      : fc.oneof({ weight: 6, arbitrary: inputFor(example).filter((value) => sendable(entry, value)).map((value) => JSON.stringify(value)) }, { weight: 1, arbitrary: notJson(exampleText) });
  // Ingestion takes an Idempotency-Key: sometimes a fresh valid one, sometimes a bent one.
  const idempotency = entry.path.startsWith('/api/v1/screenings') || entry.path === '/api/v1/hits' || entry.path.startsWith('/api/v1/watchlists/[source]/')
    ? fc.option(fc.oneof(sameShape('fuzz-key-0001'), fc.constantFrom(...EDGE_STRINGS)), { nil: undefined })
    : fc.constant(undefined);
  const inputs = fc.record({ param: id === undefined ? fc.constant(undefined) : paramFor(id), query: queryFor(queryExample), body, idempotency });
  const hasInput = takesBody || Object.keys(queryExample).length > 0;
  const runs = RUNS_FOR[key] ?? (hasInput ? RUNS.input : id !== undefined ? RUNS.param : entry.method === 'GET' ? RUNS.param : RUNS.none);
  const sampled: Input[] = fc.sample(inputs, { numRuns: runs, seed: FUZZ_SEED + index });
  // The edge cases: the valid request, one part at a time at its edge (the body's parts, each query value, the parameter).
  const validQuery = Object.entries(queryExample);
  const edges: Input[] = [
    ...(takesBody ? leafEdgeCases(text ? exampleText : example).filter((value) => sendable(entry, value)).map((value) => ({ param: id, query: [], body: typeof value === 'string' && text ? value : JSON.stringify(value) })) : []),
    ...(leafEdgeCases(queryExample) as Record<string, unknown>[]).map((edge) => ({ param: id, query: Object.entries(edge).map(([name, value]): [string, string] => [name, String(value)]), body: takesBody ? exampleText : undefined })),
    ...(id === undefined ? [] : [{ param: `${id}\u0000`, query: validQuery, body: takesBody ? exampleText : undefined }]),
  ];
  return [...sampled, ...edges].map(({ param, query, body: sent, idempotency: idempotencyKey }) => {
    const pathname = entry.path.replace(/\[[^\]]+\]/, param === undefined ? '' : encodeURIComponent(wellFormed(param)));
    const search = new URLSearchParams(query).toString();
    const headers: Record<string, string> = { 'Content-Type': text ? 'text/csv' : 'application/json' };
    if (idempotencyKey !== undefined) headers['Idempotency-Key'] = encodeURIComponent(wellFormed(idempotencyKey));
    return {
      url: `${pathname}${search ? `?${search}` : ''}`,
      method: entry.method,
      body: sent === undefined ? undefined : Buffer.from(sent, 'utf8'),
      headers,
      input: `${param === undefined ? '' : `param ${JSON.stringify(param).slice(0, 60)} `}${search ? `query ${search.slice(0, 120)} ` : ''}${sent === undefined ? '' : `body ${sent.slice(0, 200)}`}`,
    };
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A route's probes as a function of the seed alone. The run's objects are new each run, and
 * the draws bend whatever they are given (and pick differently after a different string), so
 * the probes are drawn against fixed stand-in ids; the run's ids then take the place of the
 * stand-ins wherever one came through unbent. A failure replays from the seed; a bent
 * stand-in is still a bent id, of an object that does not exist.
 */
export function probesFor(entry: ApiEntry, objects: Objects, id: string | undefined, index: number): Probe[] {
  const standIns = new Map<string, string>();
  const standIn = (value: string): string => {
    if (!UUID.test(value)) return value;
    const known = [...standIns].find(([, real]) => real === value);
    if (known) return known[0];
    const made = `00000000-0000-4000-8000-${String(standIns.size + 1).padStart(12, '0')}`;
    standIns.set(made, value);
    return made;
  };
  const drawn = generateProbes(
    entry,
    { ...objects, id: standIn(objects.id), recipientId: standIn(objects.recipientId), otherHitId: standIn(objects.otherHitId), otherAnalystId: standIn(objects.otherAnalystId) },
    id === undefined ? undefined : standIn(id),
    index,
  );
  const real = (text: string) => [...standIns].reduce((out, [made, value]) => out.replaceAll(made, value), text);
  return drawn.map((probe) => ({
    ...probe,
    url: real(probe.url),
    // latin1 maps each byte to one character and back: the generated bytes stay as they are.
    body: probe.body === undefined ? undefined : Buffer.from(real(probe.body.toString('latin1')), 'latin1'),
    headers: Object.fromEntries(Object.entries(probe.headers).map(([name, value]) => [name, real(value)])),
    input: real(probe.input),
  }));
}
