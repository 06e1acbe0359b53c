import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvRow } from './csv';
import { attachmentName, countChunk, recordCounter, recordsCounted, type ExportFileFormat } from './export-progress';

const encoder = new TextEncoder();

/** Feeds the text in chunks of `size` bytes, so records, quotes and line ends are split across chunks. */
function count(format: ExportFileFormat, text: string, size: number): number {
  const bytes = encoder.encode(text);
  const counter = recordCounter(format);
  for (let at = 0; at < bytes.length; at += size) countChunk(counter, bytes.subarray(at, at + size));
  return recordsCounted(counter);
}

test('CSV: the header is no record, and a quoted field with line breaks and quotes is one', () => {
  const csv =
    csvRow(['seq', 'at', 'details']) +
    csvRow(['1', '2026-03-02T10:00:00Z', 'plain']) +
    csvRow(['2', '2026-03-02T10:01:00Z', 'two\nlines, a "quote" and ü']) +
    csvRow(['3', '2026-03-02T10:02:00Z', { note: 'a "b"\r\nc' }]);
  for (const size of [1, 2, 3, 7, 64, 10_000]) assert.equal(count('csv', csv, size), 3, `chunks of ${size}`);
  assert.equal(count('csv', csvRow(['seq', 'at']), 5), 0);
});

test('JSON: one object a line, whatever the chunking; an empty export has none', () => {
  const rows = [{ seq: '1', details: { text: 'a\nb {' } }, { seq: '2' }, { seq: '3', purpose: 'ü {x}' }];
  const json = `[\n${rows.map((row) => JSON.stringify(row)).join(',\n')}\n]\n`;
  for (const size of [1, 2, 5, 10_000]) assert.equal(count('json', json, size), 3, `chunks of ${size}`);
  assert.equal(count('json', '[\n\n]\n', 1), 0);
});

test('the file name comes from Content-Disposition', () => {
  assert.equal(attachmentName('attachment; filename="access-log-2026-03-02T10-00-00.csv"', 'export.csv'), 'access-log-2026-03-02T10-00-00.csv');
  assert.equal(attachmentName(null, 'export.csv'), 'export.csv');
});
