import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { copyIn, copyLine, copyValue } from './copy-text.mts';

// What the loaders write with COPY reads back exactly as it was, through a real PostgreSQL.
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: run through npm run test:integration');
let client: pg.Client;

before(async () => {
  client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE TEMP TABLE copy_text_check (n int, a text, b jsonb)');
});
after(() => client?.end());

async function copy(text: string): Promise<void> {
  const { stream, done } = copyIn(client, 'COPY copy_text_check (n, a, b) FROM STDIN');
  stream.end(text);
  await done;
}

test('values with backslashes, tabs, newlines, carriage returns and a literal \\N survive COPY', async () => {
  const values = ['plain', 'back\\slash', 'tab\there', 'new\nline', 'carriage\rreturn', '\\N', 'Ünïcødé ✓', ''];
  const details = { note: 'a "quoted"\\ value\twith\ncontrol characters' };
  await copy(values.map((value, n) => copyLine([String(n), value, JSON.stringify(details)])).join('') + copyLine(['99', null, null]));
  const rows = (await client.query<{ n: number; a: string | null; b: unknown }>('SELECT n, a, b FROM copy_text_check ORDER BY n')).rows;
  assert.deepEqual(rows.slice(0, -1).map((row) => row.a), values);
  for (const row of rows.slice(0, -1)) assert.deepEqual(row.b, details);
  assert.deepEqual(rows.at(-1), { n: 99, a: null, b: null });
});

test('null is \\N and only null is', () => {
  assert.equal(copyValue(null), '\\N');
  assert.equal(copyValue('\\N'), '\\\\N');
});
