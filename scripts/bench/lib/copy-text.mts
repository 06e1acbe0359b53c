// COPY … FROM STDIN in text format, for the data loaders: columns separated by tabs, rows by
// newlines, \N for null, and backslash, tab, newline and carriage return escaped in values.
// (https://www.postgresql.org/docs/current/sql-copy.html, "Text Format".)

import type { Writable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value as COPY's text format writes it. */
export function copyValue(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] as string) : value;
}

/** A row's values (already text, or null) as COPY text, without the newline that ends the row. */
export function copyFields(values: readonly (string | null)[]): string {
  return values.map(copyValue).join('\t');
}

/** One row: its values (already text, or null) as a line of COPY text. */
export function copyLine(values: readonly (string | null)[]): string {
  return `${copyFields(values)}\n`;
}

/**
 * Starts `COPY … FROM STDIN` on the client: the stream to write the text to, and a promise
 * settled when PostgreSQL has taken it all (after `stream.end()`) or refused it. The promise
 * never rejects unhandled: a writer that stops early still awaits it to learn why.
 */
export function copyIn(client: pg.ClientBase, sql: string): { stream: Writable; done: Promise<void>; failure: () => Error | null } {
  const stream = client.query(copyFrom(sql));
  let failure: Error | null = null;
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', (error) => {
      failure = error;
      reject(error);
    });
  });
  done.catch(() => {});
  return { stream, done, failure: () => failure };
}
