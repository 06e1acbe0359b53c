// COPY … FROM STDIN in text format, for the data loaders: columns separated by tabs, rows by
// newlines, \N for null, and backslash, tab, newline and carriage return escaped in values.
// (https://www.postgresql.org/docs/current/sql-copy.html, "Text Format".)

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value as COPY's text format writes it. */
export function copyValue(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] as string) : value;
}

/** One row: its values (already text, or null) as a line of COPY text. */
export function copyLine(values: readonly (string | null)[]): string {
  return `${values.map(copyValue).join('\t')}\n`;
}
