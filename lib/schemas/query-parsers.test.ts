import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { queryFor } from '@/lib/testing/fuzz-inputs';
import { fuzz } from '@/lib/testing/fuzz-run';
import { SCHEMA_EXAMPLES } from '@/lib/testing/schema-examples';
import { isStorableDate, isStorableInstant } from '@/lib/storable-values';
import { accessLogFilterFields, accessLogQueryToParams, parseAccessLogQuery } from './access-log';
import { hitFilterFields, hitQueryToParams, parseHitQuery } from './hit';
import { metricsInputFromParams, metricsQuerySchema, metricsQueryToParams } from './metrics';

// Issue 9, attack suite part 5: the URL parameters of the queue, the access-log search and the
// metrics, as a bookmark or an attacker may write them. The parsers promise never to throw; what
// they keep must be storable (dates PostgreSQL reads, no U+0000, which no text column holds) and
// must survive the trip back into a URL unchanged — the address bar shows the same search.

const RUNS = 1500;

/** Query parameters bent from valid ones (lib/testing/fuzz-inputs.ts), as both forms a parser gets: URLSearchParams and Next's record. */
function paramsFor(examples: Record<string, unknown>): fc.Arbitrary<Record<string, string | string[]>> {
  const valid = Object.fromEntries(Object.entries(examples).map(([key, value]) => [key, String(value ?? '')]));
  return queryFor(valid).map((pairs) => {
    const params: Record<string, string | string[]> = {};
    for (const [key, one] of pairs) {
      const before = Object.hasOwn(params, key) ? params[key] : undefined;
      Object.defineProperty(params, key, { value: before === undefined ? one : [before, one].flat(), enumerable: true, writable: true, configurable: true });
    }
    return params;
  });
}

/** The valid value of each filter, from the schema examples (`hitFilterFields.status` …). */
const examplesOf = (fields: object, prefix: string) => Object.fromEntries(Object.keys(fields).map((key) => [key, SCHEMA_EXAMPLES[`${prefix}.${key}`]]));

const toSearchParams = (params: Record<string, string | string[]>) => {
  const search = new URLSearchParams();
  for (const [key, raw] of Object.entries(params)) for (const value of [raw].flat()) search.append(key, value);
  return search;
};

const INT8_MAX = 2n ** 63n - 1n;

function kept(query: object, options: { seqCursor?: boolean } = {}): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (typeof value !== 'string') continue;
    if (value.includes('\u0000')) problems.push(`${key} holds U+0000`);
    if (/^(flightFrom|flightTo)$/.test(key) && !isStorableDate(value)) problems.push(`${key} ${value} is not a date PostgreSQL reads`);
    if (/^(from|to)$/.test(key) && !isStorableInstant(value)) problems.push(`${key} ${value} is not a time PostgreSQL reads`);
    // The access log's cursor is an event's seq, a bigint column.
    if (options.seqCursor && key === 'cursor' && BigInt(value) > INT8_MAX) problems.push(`cursor ${value} is past any seq`);
  }
  return problems;
}

let total = 0;
after(() => console.log(`fuzz: lib/schemas query parsers (all) ${total} runs`));

test('the queue’s parameters: never a throw, kept values storable, the same search after a trip through the URL', () => {
  total += fuzz('parseHitQuery', paramsFor(examplesOf(hitFilterFields, 'hitFilterFields')), (params) => {
    for (const input of [params, toSearchParams(params)]) {
      const { query, ignored } = parseHitQuery(input);
      assert.deepEqual(kept(query), []);
      for (const notice of ignored) assert.ok(notice.key in hitFilterFields && notice.message.length > 0);
      assert.deepEqual(parseHitQuery(hitQueryToParams(query)), { query, ignored: [] });
    }
  }, RUNS);
});

test('the access-log search’s parameters: never a throw, kept values storable, the same search after a trip through the URL', () => {
  total += fuzz('parseAccessLogQuery', paramsFor(examplesOf(accessLogFilterFields, 'accessLogFilterFields')), (params) => {
    for (const input of [params, toSearchParams(params)]) {
      const { query, ignored } = parseAccessLogQuery(input);
      assert.deepEqual(kept(query, { seqCursor: true }), []);
      for (const notice of ignored) assert.ok(notice.key in accessLogFilterFields && notice.message.length > 0);
      assert.deepEqual(parseAccessLogQuery(accessLogQueryToParams(query)), { query, ignored: [] });
    }
  }, RUNS);
});

test('the metrics period: never a throw, and an accepted period is the same after a trip through the URL', () => {
  const example = SCHEMA_EXAMPLES.metricsQuerySchema as Record<string, unknown>;
  total += fuzz('metricsInputFromParams', paramsFor(example), (params) => {
    const parsed = metricsQuerySchema.safeParse(metricsInputFromParams(params));
    if (!parsed.success) return;
    assert.ok(isStorableDate(parsed.data.from) && isStorableDate(parsed.data.to));
    const again = metricsQuerySchema.safeParse(metricsInputFromParams(metricsQueryToParams(parsed.data)));
    assert.deepEqual(again.data, parsed.data);
  }, RUNS);
});
