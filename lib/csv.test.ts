import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, csvRow } from './csv';

test('cells a spreadsheet would run as formulas are defused', () => {
  assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
  assert.equal(csvCell('+1'), "'+1");
  assert.equal(csvCell('-2+3'), "'-2+3");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell('\tcmd'), "'\tcmd");
});

test('quoting follows RFC 4180 and empty values stay empty', () => {
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell({ view: 'reveal' }), '"{""view"":""reveal""}"');
  assert.equal(csvRow(['1', 'plain', 2]), '1,plain,2\r\n');
});
