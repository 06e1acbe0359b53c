import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { AccessEventView, AccessLogQuery } from '@/lib/schemas/access-log';
import type { Db, Tx } from '@/server/db';

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
  at: Date;
  seq: bigint;
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
  else if (after) and.push(Prisma.sql`at <= ${after.at} AND (at < ${after.at} OR seq < ${after.seq})`);
  return and;
}

/** An event as the driver returns it (seq as text, so no BigInt per row). */
export interface AccessEventRow {
  seq: string;
  at: Date;
  actorType: string;
  actorLabel: string | null;
  role: string | null;
  operation: AccessEventView['operation'];
  outcome: AccessEventView['outcome'];
  resourceType: string;
  resourceId: string | null;
  travellerId: string | null;
  purpose: string | null;
  recipient: string | null;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
}

/**
 * Up to `limit` events of a search, newest first by (at, seq), after `after`. One statement
 * whose ORDER BY every index on (x, at) serves, so it reads about `limit` index entries
 * rather than the whole range.
 */
export function readAccessEvents(client: Tx | Db, filter: AccessLogFilter, after: AccessLogPosition, limit: number): Promise<AccessEventRow[]> {
  const and = conditions(filter, after);
  const where = and.length > 0 ? Prisma.sql`WHERE ${Prisma.join(and, ' AND ')}` : Prisma.empty;
  return client.$queryRaw<AccessEventRow[]>`
    SELECT seq::text AS seq, at, "actorType"::text AS "actorType", "actorLabel", role::text AS role, operation::text AS operation, outcome::text AS outcome,
      "resourceType", "resourceId", "travellerId"::text AS "travellerId", purpose, recipient, ip, "userAgent", details
    FROM ${T} ${where}
    ORDER BY at DESC, seq DESC
    LIMIT ${limit}`;
}

/**
 * The position a page cursor (an event's seq) stands for. A seq that names no event (erased
 * with the oldest part of the log, or never written) continues with the events before it in
 * the chain.
 */
export async function cursorPosition(client: Tx | Db, cursor: string): Promise<AccessLogPosition> {
  const seq = BigInt(cursor);
  const [row] = await client.$queryRaw<{ at: Date }[]>`SELECT at FROM ${T} WHERE seq = ${seq}`;
  return row ? { at: row.at, seq } : { before: seq };
}

export function keyOf(row: AccessEventRow): AccessEventKey {
  return { at: row.at, seq: BigInt(row.seq) };
}

export function toAccessEventView(row: AccessEventRow): AccessEventView {
  return { ...row, at: row.at.toISOString() };
}
