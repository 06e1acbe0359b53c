import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { EDGE_STRINGS } from '@/lib/testing/fuzz-inputs';
import { fuzz } from '@/lib/testing/fuzz-run';
import { readCsv } from '@/lib/testing/read-csv';
import { csvCell, csvRow } from './csv';

// Issue 9, attack suite part 5: CSV exports escape formula cells. Any text a user could have
// typed (a note, a User-Agent, a name) goes through csvRow; read back by a strict RFC 4180
// reader it must give exactly the row that was written — the same number of fields, each the
// original text — with a leading quote before whatever a spreadsheet would run as a formula.

const RUNS = 3000;
const FORMULA_START = /^[=+\-@\t\r]/;

/** What the spreadsheet must show for a value: its text, with a leading quote before a formula. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

// Text dense in the characters that matter, plus anything at all.
const risky = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'", ';', ' ', 'a', '1', '\u2028', '\u0000');
const cellText = fc.oneof(fc.string({ unit: risky, maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom(...EDGE_STRINGS));
const cellValue = fc.oneof({ weight: 4, arbitrary: cellText }, { weight: 1, arbitrary: fc.oneof(fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 })) });

let total = 0;
after(() => console.log(`fuzz: lib/csv (all) ${total} runs`));

test('any text reads back as itself, a formula defused by a leading quote', () => {
  total += fuzz('csvCell', cellText, (text) => {
    const [record, ...more] = readCsv(csvRow([text]));
    assert.equal(more.length, 0);
    assert.deepEqual(record, [shown(text)]);
    assert.ok(!FORMULA_START.test(record?.[0] ?? ''), 'no cell starts as a formula');
    // csvCell alone is the same field, quoted only when it has to be.
    assert.equal(`${csvCell(text)}\r\n`, csvRow([text]));
    if (!/[",\r\n]/.test(shown(text))) assert.equal(csvCell(text), shown(text));
  }, RUNS);
});

test('any row reads back as one record with every field in place, and rows never run into each other', () => {
  total += fuzz('csvRow', fc.array(fc.array(cellValue, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }), (rows) => {
    const records = readCsv(rows.map(csvRow).join(''));
    assert.deepEqual(records, rows.map((row) => row.map(shown)));
  }, RUNS);
});
