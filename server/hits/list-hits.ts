import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { HitStatus } from '@/generated/prisma/enums';
import { maskName } from '@/lib/mask';
import { HIT_PAGE_SIZE, type HitListItem, type HitListPage, type HitQuery } from '@/lib/schemas/hit';
import { eventsOfRows } from '@/server/access-log/record-in-statement';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { PREPARED } from '@/server/db-statements';
import { decodeHitCursor, encodeHitCursor } from './hit-cursor';
import { hitQueueWhere } from './hit-queue-where';

interface Row {
  id: string;
  travellerId: string;
  score: number;
  priority: number;
  offenceCategory: string;
  status: HitStatus;
  flightDate: Date;
  createdAt: Date;
  dueAt: Date;
  version: number;
  assigneeId: string | null;
  assigneeName: string | null;
  sourceCode: string;
  sourceName: string;
  givenNames: string | null;
  familyName: string | null;
  nationality: string | null;
  yearOfBirth: number | null;
  flightNumber: string;
}

// Keyset pagination: a row comparison the planner answers from an index, so page
// 1,000 costs what page 1 costs. Score sorts descending, so its tie-break does too.
const ORDER = {
  deadline: { columns: Prisma.sql`h."dueAt", h.id`, after: Prisma.sql`(h."dueAt", h.id) >`, value: (row: Row) => row.dueAt.toISOString() },
  age: { columns: Prisma.sql`h."createdAt", h.id`, after: Prisma.sql`(h."createdAt", h.id) >`, value: (row: Row) => row.createdAt.toISOString() },
  score: { columns: Prisma.sql`h.score DESC, h.id DESC`, after: Prisma.sql`(h.score, h.id) <`, value: (row: Row) => row.score },
} as const;

// What a list view shows of each hit: one object for the page's events, digested once (record.ts).
const LIST_VIEW_DETAILS = { view: 'hit-list', fields: ['name:masked', 'nationality', 'yearOfBirth', 'flight'] };

/**
 * A page of the hit queue, filtered and sorted as asked, traveller names masked on the
 * server. Records one CONSULTATION event per hit shown, in the statement that reads the page,
 * so the per-person report finds every list view that displayed a person.
 */
export async function listHits(caller: Caller, query: HitQuery, options: { limit?: number } = {}): Promise<HitListPage> {
  await requirePermission(caller, 'hits.list', { type: 'hit-list' });
  const limit = Math.trunc(Math.min(Math.max(options.limit ?? HIT_PAGE_SIZE, 1), 200));
  const order = ORDER[query.sort];
  const conditions = hitQueueWhere(query, caller.actorId);
  const cursor = query.cursor ? decodeHitCursor(query.sort, query.cursor) : null;
  if (cursor) {
    const value = query.sort === 'score' ? cursor.value : new Date(cursor.value);
    conditions.push(Prisma.sql`${order.after} (${value}, ${cursor.id}::uuid)`);
  }
  // One statement reads the page and records its events (record-in-statement.ts); prepared
  // (planning cost more than running), so the LIMIT and the page's size are literals, one of a few values.
  const shown = Prisma.raw(String(limit));
  const listView = { operation: 'CONSULTATION' as const, resourceType: 'hit', purpose: 'Hit queue review', details: LIST_VIEW_DETAILS };
  const rows = await db().$queryRaw<Row[]>`${PREPARED}
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
    SELECT * FROM page ORDER BY n`;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toItem),
    nextCursor: rows.length > limit && last ? encodeHitCursor(query.sort, order.value(last), last.id) : null,
    ...(query.cursor && !cursor ? { cursorIgnored: true } : {}),
  };
}

function toItem(row: Row): HitListItem {
  return {
    id: row.id,
    travellerName: maskName(row.givenNames, row.familyName),
    nationality: row.nationality,
    yearOfBirth: row.yearOfBirth,
    score: row.score,
    priority: row.priority,
    sourceCode: row.sourceCode,
    sourceName: row.sourceName,
    offenceCategory: row.offenceCategory,
    status: row.status,
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeName,
    flightNumber: row.flightNumber,
    flightDate: row.flightDate.toISOString().slice(0, 10),
    createdAt: row.createdAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    version: row.version,
  };
}
