import 'server-only';
import { isoUtcSql } from '@/server/sql-time';
import { Prisma } from '@/generated/prisma/client';
import type { AccessEventView, AccessLogQuery } from '@/lib/schemas/access-log';
import type { Db, Tx } from '@/server/db';
import type { EventEncoding } from './export-encoding';

/** The columns a reader sees (not the chain's hashes, nor the request id), in the view's key order. */
export const ACCESS_EVENT_COLUMNS = [
  'seq', 'at', 'actorType', 'actorLabel', 'role', 'operation', 'outcome', 'resourceType', 'resourceId', 'travellerId', 'purpose', 'recipient', 'ip',
  'userAgent', 'details',
] as const;

/**
 * A search, its people resolved: users by email to ids, travellers by booking reference or
 * document number to ids (both indexed), so the event table is read through its
 * (actorId, at) and (travellerId, at) indexes.
 */
export interface AccessLogFilter {
  actorIds?: string[];
  actorLabel?: string;
  travellerIds?: string[];
  operation?: AccessLogQuery['operation'];
  outcome?: AccessLogQuery['outcome'];
  from?: Date;
  to?: Date;
  purpose?: string;
}

/**
 * Where the reading continues: after this event in the log's order. Every read of the log
 * is newest first by (at, seq) — the time the event happened, then its place in the chain
 * for events of the same millisecond — so each index on (x, at) gives a page in order and a
 * search stops after one page, however wide its time range.
 */
export interface AccessEventKey {
  /** ISO 8601 with milliseconds, as the view has it (the column's precision). */
  at: string;
  seq: string;
}

const T = Prisma.raw('"AccessEvent"');

/** The people a search names, resolved first; nothing is read from the event table yet. */
export async function resolveAccessLogFilter(tx: Tx | Db, query: AccessLogQuery): Promise<{ filter: AccessLogFilter; travellerIds: string[] | null }> {
  const filter: AccessLogFilter = {};
  if (query.actor) {
    const users = await tx.user.findMany({ where: { email: { contains: query.actor, mode: 'insensitive' } }, select: { id: true }, take: 50 });
    // Users by id (the (actorId, at) index); only when no user matches, a token or system
    // actor by its exact label. An OR of the two would keep the planner off the index.
    if (users.length > 0) filter.actorIds = users.map((user) => user.id);
    else filter.actorLabel = query.actor;
  }
  let travellerIds: string[] | null = null;
  if (query.bookingReference || query.documentNumber) {
    const travellers = await tx.traveller.findMany({
      where: {
        ...(query.bookingReference ? { bookingReference: query.bookingReference.toUpperCase() } : {}),
        ...(query.documentNumber ? { documentNumber: query.documentNumber } : {}),
      },
      select: { id: true },
      take: 100,
    });
    travellerIds = travellers.map((traveller) => traveller.id);
  }
  if (query.travellerId) travellerIds = travellerIds ? travellerIds.filter((id) => id === query.travellerId) : [query.travellerId];
  if (travellerIds) filter.travellerIds = travellerIds;
  if (query.operation) filter.operation = query.operation;
  if (query.outcome) filter.outcome = query.outcome;
  if (query.from) filter.from = new Date(query.from);
  if (query.to) filter.to = new Date(query.to);
  if (query.purpose) filter.purpose = query.purpose;
  return { filter, travellerIds };
}

/** LIKE's wildcards and escape character taken literally: `purpose` is a substring, not a pattern. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Where a page starts: after an event, before a seq that names no event, or at the newest. */
export type AccessLogPosition = AccessEventKey | { before: bigint } | null;

function conditions(filter: AccessLogFilter, after: AccessLogPosition): Prisma.Sql[] {
  const and: Prisma.Sql[] = [];
  // An empty list matches nothing (a lookup that found no one), as Prisma's `in: []` did.
  if (filter.actorIds) and.push(filter.actorIds.length > 0 ? Prisma.sql`"actorId" IN (${Prisma.join(filter.actorIds.map((id) => Prisma.sql`${id}::uuid`))})` : Prisma.sql`FALSE`);
  if (filter.actorLabel !== undefined) and.push(Prisma.sql`"actorLabel" = ${filter.actorLabel}`);
  if (filter.travellerIds) and.push(filter.travellerIds.length > 0 ? Prisma.sql`"travellerId" IN (${Prisma.join(filter.travellerIds.map((id) => Prisma.sql`${id}::uuid`))})` : Prisma.sql`FALSE`);
  if (filter.operation) and.push(Prisma.sql`operation = ${filter.operation}::"AccessOperation"`);
  if (filter.outcome) and.push(Prisma.sql`outcome = ${filter.outcome}::"AccessOutcome"`);
  if (filter.from) and.push(Prisma.sql`at >= ${filter.from}`);
  if (filter.to) and.push(Prisma.sql`at <= ${filter.to}`);
  if (filter.purpose) and.push(Prisma.sql`purpose ILIKE ${`%${likeLiteral(filter.purpose)}%`}`);
  // (at, seq) < (after.at, after.seq), spelled so that `at <= …` bounds the index range.
  if (after && 'before' in after) and.push(Prisma.sql`seq < ${after.before}`);
  else if (after) and.push(Prisma.sql`at <= ${after.at}::timestamptz AND (at < ${after.at}::timestamptz OR seq < ${after.seq}::bigint)`);
  return and;
}

/**
 * An event as one JSON array in ACCESS_EVENT_COLUMNS' order, built by PostgreSQL: seq as text,
 * at as ISO 8601 in UTC with milliseconds (what Date#toISOString() writes), details as JSON.
 * One text column a row instead of fifteen typed ones: no Date, BigInt or per-column mapping
 * in the app. (An export has PostgreSQL write its lines outright: readEncodedEvents.)
 */
export const EVENT_ARRAY = Prisma.sql`json_build_array(seq::text, ${Prisma.raw(isoUtcSql('at'))}, "actorType", "actorLabel", role,
  operation, outcome, "resourceType", "resourceId", "travellerId", purpose, recipient, ip, "userAgent", details)::text`;

export type AccessEventValues = [
  seq: string, at: string, actorType: string, actorLabel: string | null, role: string | null, operation: AccessEventView['operation'],
  outcome: AccessEventView['outcome'], resourceType: string, resourceId: string | null, travellerId: string | null, purpose: string | null,
  recipient: string | null, ip: string | null, userAgent: string | null, details: unknown,
];

/**
 * Up to `limit` events of a search, newest first by (at, seq), after `after`, each as its
 * values in ACCESS_EVENT_COLUMNS' order. One statement whose ORDER BY every index on (x, at)
 * serves, so it reads about `limit` index entries rather than the whole range.
 */
async function readAccessEventValues(client: Tx | Db, filter: AccessLogFilter, after: AccessLogPosition, limit: number): Promise<AccessEventValues[]> {
  const rows = await client.$queryRaw<{ event: string }[]>(accessEventPage(filter, after, limit));
  return rows.map((row) => JSON.parse(row.event) as AccessEventValues);
}

/** The statement of readAccessEventValues: columns event (EVENT_ARRAY), at and seq, in the page's order. */
export function accessEventPage(filter: AccessLogFilter, after: AccessLogPosition, limit: number): Prisma.Sql {
  const and = conditions(filter, after);
  const where = and.length > 0 ? Prisma.sql`WHERE ${Prisma.join(and, ' AND ')}` : Prisma.empty;
  return Prisma.sql`SELECT ${EVENT_ARRAY} AS event, at, seq FROM ${T} ${where} ORDER BY at DESC, seq DESC LIMIT ${limit}`;
}

// The conditions name the table's columns bare: chosen in a subquery, so that what an encoding
// joins beside the row (export-encoding.ts) cannot make them ambiguous.
const VIEW_COLUMNS = Prisma.raw(ACCESS_EVENT_COLUMNS.map((column) => `"${column}"`).join(', '));
const KEY_AT = Prisma.raw(isoUtcSql('k.at'));

/** A part of a search by time: events before `before` (all when null) and at or after `from` (all when null). */
export interface TimeSlice {
  before: string | null;
  from: string | null;
}

function sliceConditions(filter: AccessLogFilter, slice: TimeSlice): Prisma.Sql {
  const and = conditions(filter, null);
  if (slice.before !== null) and.push(Prisma.sql`at < ${slice.before}::timestamptz`);
  if (slice.from !== null) and.push(Prisma.sql`at >= ${slice.from}::timestamptz`);
  return and.length > 0 ? Prisma.sql`WHERE ${Prisma.join(and, ' AND ')}` : Prisma.empty;
}

/**
 * The time of the `n`th event of a search before `before`, newest first, or null when fewer
 * are left: where a slice of about `n` events ends. The (…, at) index alone is read.
 */
export async function nthEventTime(client: Tx | Db, filter: AccessLogFilter, before: string | null, n: number): Promise<string | null> {
  const [row] = await client.$queryRaw<{ at: string }[]>`
    SELECT ${KEY_AT} AS at FROM (SELECT at FROM ${T} ${sliceConditions(filter, { before, from: null })} ORDER BY at DESC OFFSET ${n - 1} LIMIT 1) k`;
  return row?.at ?? null;
}

/**
 * The events of a slice, newest first by (at, seq), each encoded in SQL by `encoding`
 * (export-encoding.ts) and joined with `separator` into one text:
 * the app reads one value for thousands of events. Null when there are none. Slices cut by
 * time neither overlap nor leave a gap, whatever is added meanwhile; the events of one
 * millisecond all fall in the same slice.
 */
export async function readEncodedEvents(client: Tx | Db, filter: AccessLogFilter, slice: TimeSlice, encoding: EventEncoding, separator: string): Promise<string | null> {
  const [row] = await client.$queryRaw<{ text: string | null }[]>`
    SELECT string_agg(${encoding.value}, ${separator} ORDER BY e.at DESC, e.seq DESC) AS text
    FROM (SELECT ${VIEW_COLUMNS} FROM ${T} ${sliceConditions(filter, slice)}) e ${encoding.join}`;
  return row?.text ?? null;
}

export function toAccessEventView(v: AccessEventValues): AccessEventView {
  return {
    seq: v[0], at: v[1], actorType: v[2], actorLabel: v[3], role: v[4], operation: v[5], outcome: v[6], resourceType: v[7], resourceId: v[8], travellerId: v[9],
    purpose: v[10], recipient: v[11], ip: v[12], userAgent: v[13], details: v[14],
  };
}

/** As readAccessEventValues, as views. */
export async function readAccessEvents(client: Tx | Db, filter: AccessLogFilter, after: AccessLogPosition, limit: number): Promise<AccessEventView[]> {
  return (await readAccessEventValues(client, filter, after, limit)).map(toAccessEventView);
}

/**
 * The position a page cursor (an event's seq) stands for. A seq that names no event (erased
 * with the oldest part of the log, or never written) continues with the events before it in
 * the chain.
 */
export async function cursorPosition(client: Tx | Db, cursor: string): Promise<AccessLogPosition> {
  const seq = BigInt(cursor);
  const [row] = await client.$queryRaw<{ at: string }[]>`SELECT ${Prisma.raw(isoUtcSql('at'))} AS at FROM ${T} WHERE seq = ${seq}`;
  return row ? { at: row.at, seq: cursor } : { before: seq };
}
