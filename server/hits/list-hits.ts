import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { HitStatus } from '@/generated/prisma/enums';
import { maskName } from '@/lib/mask';
import { HIT_PAGE_SIZE, type HitListItem, type HitListPage, type HitQuery } from '@/lib/schemas/hit';
import { eventsOfRows } from '@/server/access-log/record-in-statement';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { queryDirect } from '@/server/db';
import { PREPARED } from '@/server/db-statements';
import { isoUtcSql } from '@/server/sql-time';
import { decodeHitCursor, encodeHitCursor } from './hit-cursor';
import { hitQueueWhere } from './hit-queue-where';

/** A row of the page as PostgreSQL writes it: one JSON array, times as ISO 8601 text (see ROW). */
type RowValues = [
  id: string, travellerId: string, score: number, priority: number, offenceCategory: string, status: HitStatus,
  flightDate: string, createdAt: string, dueAt: string, version: number, assigneeId: string | null, assigneeName: string | null,
  sourceCode: string, sourceName: string, givenNames: string | null, familyName: string | null, nationality: string | null,
  yearOfBirth: number | null, flightNumber: string,
];

// The page as one JSON text, each row an array, dates already text: the app parses one value
// rather than having Prisma map 19 typed columns of 51 rows into Dates it would format again.
const ISO = (column: string) => Prisma.raw(isoUtcSql(column));
const ROW = Prisma.sql`json_build_array(p.id, p."travellerId", p.score, p.priority, p."offenceCategory", p.status, to_char(p."flightDate", 'YYYY-MM-DD'),
  ${ISO('p."createdAt"')}, ${ISO('p."dueAt"')}, p.version, p."assigneeId", p."assigneeName", p."sourceCode", p."sourceName",
  p."givenNames", p."familyName", p.nationality, p."yearOfBirth", p."flightNumber")`;

// Keyset pagination: a row comparison the planner answers from an index, so page
// 1,000 costs what page 1 costs. Score sorts descending, so its tie-break does too.
const ORDER = {
  deadline: { columns: Prisma.sql`h."dueAt", h.id`, after: Prisma.sql`(h."dueAt", h.id) >`, value: (row: RowValues) => row[8] },
  age: { columns: Prisma.sql`h."createdAt", h.id`, after: Prisma.sql`(h."createdAt", h.id) >`, value: (row: RowValues) => row[7] },
  score: { columns: Prisma.sql`h.score DESC, h.id DESC`, after: Prisma.sql`(h.score, h.id) <`, value: (row: RowValues) => row[2] },
} as const;

// What a list view shows of each hit: one object for the page's events, digested once (record.ts).
const LIST_VIEW_DETAILS = { view: 'hit-list', fields: ['name:masked', 'nationality', 'yearOfBirth', 'flight'] };

/** The statement a page of the queue is read by, and what its rows are read with. */
export interface HitPageStatement {
  statement: Prisma.Sql;
  limit: number;
  /** The cursor the query named could not be read (it is ignored, and the answer says so). */
  cursorIgnored: boolean;
}

/**
 * The one statement that reads a page of the queue and records one CONSULTATION event per hit
 * shown (record-in-statement.ts). Built apart from running it so that the benchmark sends
 * PostgreSQL exactly this statement beside the API (scripts/bench/lib/queue-ops.mts).
 */
export function hitPageStatement(caller: Caller, query: HitQuery, options: { limit?: number } = {}): HitPageStatement {
  const limit = Math.trunc(Math.min(Math.max(options.limit ?? HIT_PAGE_SIZE, 1), 200));
  const order = ORDER[query.sort];
  const conditions = hitQueueWhere(query, caller.actorId);
  const cursor = query.cursor ? decodeHitCursor(query.sort, query.cursor) : null;
  if (cursor) {
    const value = query.sort === 'score' ? cursor.value : new Date(cursor.value);
    conditions.push(Prisma.sql`${order.after} (${value}, ${cursor.id}::uuid)`);
  }
  // Prepared (planning cost more than running), so the LIMIT and the page's size are literals, one of a few values.
  const shown = Prisma.raw(String(limit));
  const listView = { operation: 'CONSULTATION' as const, resourceType: 'hit', purpose: 'Hit queue review', details: LIST_VIEW_DETAILS };
  const statement = Prisma.sql`${PREPARED}
    WITH page AS (
      -- Numbered in the page's order: the events follow it, and so does the answer.
      SELECT p.*, row_number() OVER () AS n FROM (
        SELECT h.id, h."travellerId", h.score, h.priority, h."offenceCategory", h.status, h."flightDate",
               h."createdAt", h."dueAt", h.version, h."assigneeId", u.name AS "assigneeName",
               s.code AS "sourceCode", s.name AS "sourceName",
               t."givenNames", t."familyName", t.nationality, t."yearOfBirth", t."flightNumber"
          FROM "Hit" h
          JOIN "Traveller" t ON t.id = h."travellerId"
          JOIN "WatchlistSource" s ON s.id = h."sourceId"
          LEFT JOIN "User" u ON u.id = h."assigneeId"
         WHERE ${Prisma.join(conditions, ' AND ')}
         ORDER BY ${order.columns}
         LIMIT ${Prisma.raw(String(limit + 1))}) p
    ), recorded AS (
      ${eventsOfRows(caller, listView, Prisma.sql`SELECT id AS resource_id, "travellerId" AS traveller_id, n FROM page WHERE n <= ${shown}`)}
    )
    SELECT coalesce(json_agg(${ROW} ORDER BY p.n), '[]')::text AS rows FROM page p`;
  return { statement, limit, cursorIgnored: Boolean(query.cursor) && !cursor };
}

/**
 * A page of the hit queue, filtered and sorted as asked, traveller names masked on the
 * server. Records one CONSULTATION event per hit shown, in the statement that reads the page,
 * so the per-person report finds every list view that displayed a person.
 */
export async function listHits(caller: Caller, query: HitQuery, options: { limit?: number } = {}): Promise<HitListPage> {
  await requirePermission(caller, 'hits.list', { type: 'hit-list' });
  const { statement, limit, cursorIgnored } = hitPageStatement(caller, query, options);
  const [result] = await queryDirect<{ rows: string }>(statement);
  const rows = JSON.parse(result?.rows ?? '[]') as RowValues[];
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toItem),
    nextCursor: rows.length > limit && last ? encodeHitCursor(query.sort, ORDER[query.sort].value(last), last[0]) : null,
    ...(cursorIgnored ? { cursorIgnored: true } : {}),
  };
}

function toItem(row: RowValues): HitListItem {
  const [id, , score, priority, offenceCategory, status, flightDate, createdAt, dueAt, version, assigneeId, assigneeName, sourceCode, sourceName, givenNames, familyName, nationality, yearOfBirth, flightNumber] = row;
  return {
    id,
    travellerName: maskName(givenNames, familyName),
    nationality,
    yearOfBirth,
    score,
    priority,
    sourceCode,
    sourceName,
    offenceCategory,
    status,
    assigneeId,
    assigneeName,
    flightNumber,
    flightDate,
    createdAt,
    dueAt,
    version,
  };
}
