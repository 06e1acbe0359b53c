import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { z } from 'zod';
import { anyJson, leafEdgeCases, mutationOf } from '@/lib/testing/fuzz-inputs';
import { fuzz } from '@/lib/testing/fuzz-run';
import { ANSWER_SCHEMAS, SCHEMA_EXAMPLES, SCHEMA_FACTORY_EXAMPLES } from '@/lib/testing/schema-examples';

// Issue 9, attack suite part 5 (unit level): every schema this folder exports — found by
// reading the modules' exports, so a new schema is fuzzed without being listed — gets
// arbitrary JSON and mutations of a valid example. safeParse must never throw and must either
// succeed or name its issues; an accepted input must be storable as it is: integers that fit
// PostgreSQL's integer columns, and wherever the example has a date, a date PostgreSQL accepts
// (a real calendar date, year 0001 to 9999 in UTC). A value past a schema that PostgreSQL
// refuses is a 500 for the request that sent it.

const ARBITRARY_RUNS = 150;
/** Per part of the example (at least 300): a traveller has thirty parts to bend, a role one. */
const MUTATION_RUNS_PER_PART = 40;
const INT4_MAX = 2 ** 31 - 1;

interface Target {
  name: string;
  schema: z.ZodType;
  example: unknown;
  neverValid?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

async function loadTargets(): Promise<{ targets: Target[]; missing: string[] }> {
  const targets: Target[] = [];
  const missing: string[] = [];
  const add = (name: string, schema: z.ZodType, example: unknown, neverValid?: string) => {
    if (example === undefined) missing.push(name);
    else targets.push({ name, schema, example, neverValid });
  };
  const files = readdirSync(__dirname).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
  for (const file of files) {
    const exports = (await import(path.join(__dirname, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (value instanceof z.ZodType) add(name, value, SCHEMA_EXAMPLES[name]);
      else if (typeof value === 'function' && name.endsWith('Schema')) {
        const builds = SCHEMA_FACTORY_EXAMPLES[name];
        if (!builds) missing.push(`${name}(…)`);
        for (const { args, example, neverValid } of builds ?? []) add(`${name}(${String(args[0])})`, (value as (...args: unknown[]) => z.ZodType)(...args), example, neverValid);
      } else if (isRecord(value)) {
        for (const [key, field] of Object.entries(value)) if (field instanceof z.ZodType) add(`${name}.${key}`, field, SCHEMA_EXAMPLES[`${name}.${key}`]);
      }
    }
  }
  return { targets, missing };
}

const partsOf = (value: unknown): number =>
  1 + (Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : []).reduce<number>((sum, child) => sum + partsOf(child), 0);

type Path = (string | number)[];
const pathKey = (at: Path) => at.map((part) => (typeof part === 'number' ? '*' : part)).join('.');

/** Where the example holds a date or a date-time (array positions as *). */
function datePaths(value: unknown, at: Path = [], found = new Set<string>()): Set<string> {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) found.add(pathKey(at));
  if (Array.isArray(value)) value.forEach((item, index) => datePaths(item, [...at, index], found));
  else if (isRecord(value)) for (const [key, child] of Object.entries(value)) datePaths(child, [...at, key], found);
  return found;
}

/** PostgreSQL's date and timestamptz input: a real date, and no year 0000 or beyond 9999 once in UTC (what Prisma sends). */
function storableDate(text: string): boolean {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text && !text.startsWith('0000');
  }
  const time = Date.parse(text);
  return Number.isFinite(time) && /^(?!0000)\d{4}-/.test(new Date(time).toISOString());
}

function storageProblems(value: unknown, dates: Set<string>, at: Path = []): string[] {
  const where = pathKey(at) || '(root)';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return [`${where}: ${value} is not a number a column holds`];
    return Number.isInteger(value) && Math.abs(value) > INT4_MAX ? [`${where}: ${value} does not fit an integer column`] : [];
  }
  if (typeof value === 'string') return dates.has(pathKey(at)) && !storableDate(value) ? [`${where}: ${JSON.stringify(value)} is not a date PostgreSQL accepts`] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => storageProblems(item, dates, [...at, index]));
  if (isRecord(value)) return Object.entries(value).flatMap(([key, child]) => storageProblems(child, dates, [...at, key]));
  return [];
}

function checker(target: Target) {
  const dates = datePaths(target.example);
  const answer = ANSWER_SCHEMAS.has(target.name);
  return (input: unknown) => {
    const result = target.schema.safeParse(input); // a throw fails the property
    if (!result.success) {
      assert.ok(result.error.issues.length > 0, 'a refusal names at least one issue');
      for (const issue of result.error.issues) assert.ok(typeof issue.message === 'string' && issue.message.length > 0 && Array.isArray(issue.path));
      return;
    }
    if (!answer) assert.deepEqual(storageProblems(result.data, dates), [], `accepted ${JSON.stringify(input)?.slice(0, 300)}`);
  };
}

let total = 0;
after(() => console.log(`fuzz: lib/schemas (all) ${total} runs`));

test('every schema lib/schemas exports has a valid example to mutate', async () => {
  const { targets, missing } = await loadTargets();
  assert.deepEqual(missing, [], 'add an example to lib/testing/schema-examples.ts');
  assert.ok(targets.length >= 40, `found ${targets.length} schemas: are the exports still read?`);
  for (const target of targets) {
    const parsed = target.schema.safeParse(target.example);
    if (target.neverValid) assert.equal(parsed.success, false, `${target.name} accepts nothing: ${target.neverValid}`);
    else assert.ok(parsed.success, `${target.name}: ${parsed.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
});

test('every schema: arbitrary JSON and mutated examples never throw; what is accepted is storable', async (t) => {
  const { targets } = await loadTargets();
  for (const target of targets) {
    await t.test(target.name, () => {
      const check = checker(target);
      total += fuzz(`${target.name} arbitrary-json`, anyJson, check, ARBITRARY_RUNS);
      const runs = Math.max(300, MUTATION_RUNS_PER_PART * partsOf(target.example));
      total += fuzz(`${target.name} mutations`, mutationOf(target.example), check, runs);
      const edges = leafEdgeCases(target.example);
      for (const input of edges) check(input);
      console.log(`fuzz: ${target.name} leaf-edges ${edges.length} runs`);
      total += edges.length;
    });
  }
});
