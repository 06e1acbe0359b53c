// Counting the records of an export while its bytes arrive, for the progress line and the
// summary at the end, without decoding the text: in UTF-8 the bytes of '"', '\n' and '{'
// never occur inside another character. The formats are those of the access-log export
// (server/access-log/export-access-log.ts): CSV with one header row, RFC 4180 quoting
// (a quoted field may hold line breaks), or a JSON array with one object per line.

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const BRACE = 0x7b;

export type ExportFileFormat = 'csv' | 'json';

export interface RecordCounter {
  readonly format: ExportFileFormat;
  /** CSV: line ends outside quotes (the header's included). JSON: lines that open an object. */
  lines: number;
  inQuotes: boolean;
  previous: number;
}

export function recordCounter(format: ExportFileFormat): RecordCounter {
  return { format, lines: 0, inQuotes: false, previous: -1 };
}

/** Feeds the next chunk of the file; chunks may split a record, a quoted field or a line anywhere. */
export function countChunk(counter: RecordCounter, bytes: Uint8Array): void {
  for (const byte of bytes) {
    if (counter.format === 'csv') {
      // An escaped quote ("") toggles twice: it leaves the state as it was.
      if (byte === QUOTE) counter.inQuotes = !counter.inQuotes;
      else if (byte === NEWLINE && !counter.inQuotes) counter.lines += 1;
    } else if (byte === BRACE && counter.previous === NEWLINE) {
      counter.lines += 1;
    }
    counter.previous = byte;
  }
}

/** Records so far: the header row is not one. */
export function recordsCounted(counter: RecordCounter): number {
  return counter.format === 'csv' ? Math.max(0, counter.lines - 1) : counter.lines;
}

/** The file name the server gave (Content-Disposition), or the fallback. */
export function attachmentName(contentDisposition: string | null, fallback: string): string {
  const match = contentDisposition?.match(/filename="([^"]+)"/);
  return match?.[1] ?? fallback;
}
