import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import pg from 'pg';
import { EDGE_STRINGS, sameShape } from '@/lib/testing/fuzz-inputs';
import { FUZZ_SEED } from '@/lib/testing/fuzz-run';
import { isStorableDate, isStorableInstant } from './storable-values';

// PostgreSQL as the judge of lib/storable-values.ts: a generated date is storable exactly
// when PostgreSQL reads it as a date, a date-time exactly when PostgreSQL reads the instant as
// Prisma sends it (ISO text in UTC), and U+0000 is refused by text. If these checks let
// through what PostgreSQL refuses, a request carrying it is a 500.

const RUNS = 300;
let client: pg.Client;

before(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  // Whether PostgreSQL reads a text as a type, asked without raising an error for every refusal:
  // hundreds of logged errors would fill the embedded cluster's log pipe, which nobody drains
  // while the tests run (scripts/test-integration.mts waits in spawnSync), and stall it.
  await client.query(`
    CREATE FUNCTION pg_temp.reads_as(value text, type regtype) RETURNS boolean LANGUAGE plpgsql AS $$
    BEGIN
      EXECUTE format('SELECT %L::%s', value, type);
      RETURN true;
    EXCEPTION WHEN others THEN
      RETURN false;
    END $$`);
});
after(() => client.end());

async function readsAs(value: string, type: 'date' | 'timestamptz'): Promise<boolean> {
  const [row] = (await client.query<{ reads: boolean }>('SELECT pg_temp.reads_as($1, $2::regtype) AS reads', [value, type])).rows;
  return row?.reads === true;
}

async function reads(sql: string, value: unknown): Promise<boolean> {
  try {
    await client.query(sql, [value]);
    return true;
  } catch {
    return false;
  }
}

const samples = <T,>(arbitrary: fc.Arbitrary<T>) => fc.sample(arbitrary, { numRuns: RUNS, seed: FUZZ_SEED });

test('a date passes isStorableDate exactly when PostgreSQL reads it as a date', async () => {
  const dates = samples(fc.oneof(sameShape('2026-11-25'), fc.constantFrom(...EDGE_STRINGS.filter((edge) => /^\d{4}-\d{2}-\d{2}$/.test(edge)))));
  for (const text of dates) assert.equal(isStorableDate(text), await readsAs(text, 'date'), text);
  console.log(`fuzz: isStorableDate against PostgreSQL ${dates.length} runs`);
});

test('a date-time passes isStorableInstant only when PostgreSQL reads the instant Prisma would send', async () => {
  const times = samples(
    fc.oneof(
      sameShape('2026-11-25T14:30:00+01:00'),
      sameShape('2026-11-25T14:30:00.123Z'),
      fc.constantFrom(...EDGE_STRINGS.filter((edge) => /^[+-]?\d{4,6}-\d{2}-\d{2}T/.test(edge))),
    ),
  );
  for (const text of times) {
    if (!isStorableInstant(text)) continue;
    assert.ok(await readsAs(new Date(text).toISOString(), 'timestamptz'), text);
  }
  console.log(`fuzz: isStorableInstant against PostgreSQL ${times.length} runs`);
});

test('PostgreSQL refuses U+0000 in text and in jsonb, which is why it never reaches a query', async () => {
  assert.equal(await reads('SELECT $1::text', 'a\u0000b'), false);
  assert.equal(await reads('SELECT $1::jsonb', JSON.stringify({ note: 'a\u0000b' })), false);
  assert.equal(await reads('SELECT $1::text', 'a\u2028b'), true);
});
