// A strict RFC 4180 reader for tests: what a spreadsheet does with an export, minus the
// formulas. It throws on anything the RFC does not allow (a bare quote or line break in an
// unquoted field, text after a closing quote, a last record without CRLF), so a test that reads
// a file back with it also checks that the file was written correctly.

/** The records of a CSV text: CRLF between records, quotes doubled inside quoted fields, nothing else. */
export function readCsv(text: string): string[][] {
  if (!text.endsWith('\r\n')) throw new Error('the last record has no CRLF');
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let index = 0;
  const endField = () => {
    fields.push(field);
    field = '';
  };
  while (index < text.length) {
    if (text[index] === '"' && field === '') {
      // A quoted field: up to the closing quote, "" standing for one quote.
      index += 1;
      for (;;) {
        if (index >= text.length) throw new Error('unclosed quote');
        if (text[index] === '"' && text[index + 1] === '"') {
          field += '"';
          index += 2;
        } else if (text[index] === '"') {
          index += 1;
          break;
        } else field += text[index++];
      }
      if (index < text.length && text[index] !== ',' && !text.startsWith('\r\n', index)) throw new Error(`text after a closing quote at ${index}`);
      continue;
    }
    if (text[index] === ',') {
      endField();
      index += 1;
    } else if (text.startsWith('\r\n', index)) {
      endField();
      records.push(fields);
      fields = [];
      index += 2;
    } else if (text[index] === '"' || text[index] === '\r' || text[index] === '\n') {
      throw new Error(`a bare ${JSON.stringify(text[index])} in an unquoted field at ${index}`);
    } else field += text[index++];
  }
  return records;
}
