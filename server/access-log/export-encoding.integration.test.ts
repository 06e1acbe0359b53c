import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { Prisma } from '@/generated/prisma/client';
import { csvCell } from '@/lib/csv';
import { readCsv } from '@/lib/testing/read-csv';
import { db } from '@/server/db';
import { callerFor, createHit, createUser } from '@/server/testing/factories';
import { ACCESS_EVENT_COLUMNS, readAccessEvents } from './access-event-view';
import { chainAccessEvents } from './chainer';
import { exportAccessLog } from './export-access-log';
import { csvCellSql } from './export-encoding';
import { recordAccessEvents } from './record';

after(() => db().$disconnect());

// Text a caller chooses: formula starts, the characters CSV quotes, and neither.
const AWKWARD = [
  '', 'plain', 'ünïcödé ✓', '=1+2', '+49 30', '-5', '@SUM(A1)', '\tindented', '\rreturn first', 'a,b', 'say "hi"', 'two\nlines', 'cr\rinside',
  '=HYPERLINK("http://evil.example","x"),more', "'already quoted", ' =not first',
];

test('PostgreSQL writes a CSV cell exactly as csvCell() does', async () => {
  const values = [...AWKWARD, null];
  const rows = await db().$queryRaw<{ value: string | null; cell: string }[]>`
    SELECT v AS value, ${Prisma.raw(csvCellSql('v'))} AS cell FROM unnest(${values}::text[]) WITH ORDINALITY AS t(v, n) ORDER BY n`;
  assert.equal(rows.length, AWKWARD.length + 1);
  for (const row of rows) assert.equal(row.cell, csvCell(row.value), `cell for ${JSON.stringify(row.value)}`);
});

test('an export holds each event as the search shows it, in CSV and in JSON', async () => {
  const { traveller } = await createHit();
  const analyst = callerFor(await createUser('ANALYST'));
  const awkwardCaller = { ...analyst, userAgent: '=cmd|"/c calc"!A0, "x"' };
  await db().$transaction((tx) =>
    recordAccessEvents(
      tx,
      awkwardCaller,
      AWKWARD.map((text, i) => ({ operation: 'CONSULTATION' as const, resourceType: 'hit', resourceId: text || null, travellerId: traveller.id, purpose: text, recipient: i % 2 ? text : null, details: { text, i, nested: { list: [text, null] } } })),
    ),
  );
  await chainAccessEvents();
  const shown = await readAccessEvents(db(), { travellerIds: [traveller.id] }, null, 1000);
  assert.equal(shown.length, AWKWARD.length);

  const officer = callerFor(await createUser('PRIVACY_OFFICER'));
  const collect = async (format: 'csv' | 'json') => {
    let text = '';
    for await (const chunk of await exportAccessLog(officer, { travellerId: traveller.id }, format)) text += chunk;
    return text;
  };
  // The newest line is the export's own record, made before the first byte.
  const [header, , ...lines] = readCsv(await collect('csv'));
  assert.deepEqual(header, [...ACCESS_EVENT_COLUMNS]);
  assert.equal(lines.length, shown.length);
  lines.forEach((cells, i) => {
    const view = shown[i]!;
    ACCESS_EVENT_COLUMNS.forEach((column, c) => {
      // Details are JSON in the cell: the same value, whatever the spacing.
      if (column === 'details') assert.deepEqual(JSON.parse(cells[c] ?? ''), view.details);
      // Any other cell reads back as the value csvCell() writes, read back.
      else assert.equal(cells[c], readCsv(`${csvCell(view[column])}\r\n`)[0]?.[0], `${column} of event ${view.seq}`);
    });
  });
  const json = JSON.parse(await collect('json')) as unknown[];
  assert.deepEqual(json.slice(2), shown);
  // The view's keys, in its order (a file read by eye, or diffed against the search's JSON).
  for (const event of json) assert.deepEqual(Object.keys(event as object), [...ACCESS_EVENT_COLUMNS]);
});
