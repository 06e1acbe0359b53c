import 'server-only';

export interface CsvRecord {
  kind: 'record';
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

export interface CsvProblem {
  kind: 'problem';
  line: number;
  reason: string;
}

/**
 * RFC 4180 tokenizer for untrusted input: quoted fields may hold commas, doubled quotes
 * and line breaks; CRLF or LF ends a record. A malformed record is reported and skipped,
 * and tokenizing resumes on the next physical line, so one stray quote cannot swallow
 * the rest of the file. Blank lines and a trailing DOS end-of-file mark (0x1A, present
 * in OFAC's files) are not records.
 */
export function* tokenizeCsv(input: string): Generator<CsvRecord | CsvProblem> {
  const text = input.replace(/^\uFEFF/, '').replace(/[\x1A\s]*$/, '');
  const n = text.length;
  let i = 0;
  let line = 1;

  const lineBreakAt = (at: number): number =>
    text[at] === '\n' ? 1 : text[at] === '\r' && text[at + 1] === '\n' ? 2 : text[at] === '\r' ? 1 : 0;

  while (i < n) {
    const start = i;
    const startLine = line;
    const fields: string[] = [];
    let problem: string | null = null;

    for (;;) {
      if (text[i] === '"') {
        let value = '';
        i += 1;
        let closed = false;
        while (i < n) {
          const c = text[i] as string;
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i += 1;
            closed = true;
            break;
          }
          if (c === '\n') line += 1;
          value += c;
          i += 1;
        }
        if (!closed) {
          problem = 'unterminated quoted field';
          break;
        }
        while (text[i] === ' ' || text[i] === '\t') i += 1;
        if (i < n && text[i] !== ',' && lineBreakAt(i) === 0) {
          problem = `unexpected character ${JSON.stringify(text[i])} after a closing quote`;
          break;
        }
        fields.push(value);
      } else {
        let end = i;
        while (end < n && text[end] !== ',' && lineBreakAt(end) === 0) end += 1;
        const value = text.slice(i, end);
        i = end;
        if (value.includes('"')) {
          problem = 'quote inside an unquoted field';
          break;
        }
        fields.push(value);
      }
      if (text[i] === ',') {
        i += 1;
        continue;
      }
      const lineBreak = lineBreakAt(i);
      i += lineBreak;
      if (lineBreak > 0) line += 1;
      break;
    }

    if (problem !== null) {
      yield { kind: 'problem', line: startLine, reason: problem };
      // Resynchronise on the line after the one the bad record started on.
      let next = start;
      while (next < n && lineBreakAt(next) === 0) next += 1;
      i = next + lineBreakAt(next);
      line = startLine + 1;
      continue;
    }
    if (fields.length === 1 && fields[0]?.trim() === '') continue;
    yield { kind: 'record', line: startLine, fields };
  }
}
