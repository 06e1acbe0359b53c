import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { isoUtcSql } from '@/server/sql-time';
import { ACCESS_EVENT_COLUMNS } from './access-event-view';

// An export's lines are written by PostgreSQL, a batch of events as one text: the app only
// passes it on. Decoding each event in the app and encoding it again (JSON.parse, then a CSV
// cell or JSON.stringify per value) cost about 5 µs an event in Node.js, and made an export
// of 100,000 events twice as slow as reading them (scripts/bench/README.md).

/** The event's columns as the export's text sees them: `at` in ISO 8601 (UTC, ms), details as JSON text. */
const VALUE: Record<(typeof ACCESS_EVENT_COLUMNS)[number], string> = {
  seq: 'e.seq::text',
  at: isoUtcSql('e.at'),
  actorType: 'e."actorType"::text',
  actorLabel: 'e."actorLabel"',
  role: 'e.role::text',
  operation: 'e.operation::text',
  outcome: 'e.outcome::text',
  resourceType: 'e."resourceType"',
  resourceId: 'e."resourceId"',
  travellerId: 'e."travellerId"::text',
  purpose: 'e.purpose',
  recipient: 'e.recipient',
  ip: 'e.ip',
  userAgent: 'e."userAgent"',
  details: 'e.details::text',
};

// Written by people or their clients, so any text: a label, a resource id, a purpose, an
// address, a User-Agent, the details. The rest are numbers, timestamps, enum names and uuids,
// which neither start like a formula nor hold a quote, comma or line break.
const FREE_TEXT = new Set<string>(['actorLabel', 'resourceType', 'resourceId', 'purpose', 'recipient', 'ip', 'userAgent', 'details']);

/** csvCell() (lib/csv.ts) in SQL: a leading formula character defused with a quote, then RFC 4180 quoting. */
export function csvCellSql(value: string): string {
  const defused = `CASE WHEN left(${value}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || ${value} ELSE ${value} END`;
  const needsQuotes = `strpos(${value}, '"') > 0 OR strpos(${value}, ',') > 0 OR strpos(${value}, E'\\r') > 0 OR strpos(${value}, E'\\n') > 0`;
  return `CASE WHEN ${value} IS NULL THEN '' WHEN ${needsQuotes} THEN '"' || replace(${defused}, '"', '""') || '"' ELSE ${defused} END`;
}

/** How an export writes an event: an expression over the row `e`, and what it needs joined beside `e`. */
export interface EventEncoding {
  value: Prisma.Sql;
  join: Prisma.Sql;
}

/** One event as a CSV line (with its CRLF). */
export const CSV_LINE: EventEncoding = {
  value: Prisma.raw(
    `${ACCESS_EVENT_COLUMNS.map((column) => (FREE_TEXT.has(column) ? csvCellSql(VALUE[column]) : `coalesce(${VALUE[column]}, '')`)).join(` || ',' || `)} || E'\\r\\n'`,
  ),
  join: Prisma.empty,
};

/**
 * One event as a JSON object with the view's keys, values and order (toAccessEventView):
 * row_to_json of a row of exactly those columns writes it compactly, and faster than
 * json_build_object (26 against 39 ms for 5,000 events).
 */
export const JSON_OBJECT: EventEncoding = {
  value: Prisma.raw('row_to_json(v)::text'),
  join: Prisma.raw(
    `CROSS JOIN LATERAL (SELECT ${ACCESS_EVENT_COLUMNS.map((column) => `${column === 'details' ? 'e.details' : VALUE[column]} AS "${column}"`).join(', ')}) v`,
  ),
};
