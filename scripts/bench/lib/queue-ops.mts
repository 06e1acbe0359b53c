// The measured operations: each through the API (as a signed-in analyst) and as the same
// SELECTs sent straight to PostgreSQL (server/hits/list-hits.ts, get-hit.ts, hit-timeline.ts).
// The API also writes one access event per hit shown, under the access log's head lock;
// the direct SQL does not, so the ratio shows what the app adds to the bare reads.
import type pg from 'pg';
import { send } from './http-client.mts';
import type { HttpSession } from './session.mts';

export interface Operation {
  name: string;
  path: (i: number) => string;
  /** Throws when the answer is not what the operation should return. */
  check: (body: unknown, i: number) => void;
  sql: (pool: pg.Pool, i: number) => Promise<void>;
  /** A page (HTML, server-rendered), not an API answer: `check` gets the text. */
  page?: boolean;
}

export interface QueueFixture {
  sourceCode: string;
  /** Cursor of page 1,000 (status=all, sort=deadline), and the page's first row as SQL sees it. */
  page1000: { cursor: string; dueAt: Date; id: string; firstId: string };
  hitIds: string[];
  /**
   * The queue's first hit: every queue page records a consultation of it, so its traveller has
   * the most events — the hit detail's worst case for finding the hit's own views among them.
   */
  topHit: { id: string; travellerEvents: number };
}

const PAGE = 50;
const LIST_SELECT = `
  SELECT h.id, h."travellerId", h.score, h.priority, h."offenceCategory", h.status, h."flightDate",
         h."createdAt", h."dueAt", h.version, h."assigneeId", u.name AS "assigneeName",
         s.code AS "sourceCode", s.name AS "sourceName",
         t."givenNames", t."familyName", t.nationality, t."yearOfBirth", t."flightNumber"
  FROM "Hit" h
  JOIN "Traveller" t ON t.id = h."travellerId"
  JOIN "WatchlistSource" s ON s.id = h."sourceId"
  LEFT JOIN "User" u ON u.id = h."assigneeId"`;

const SQL = {
  firstPage: `${LIST_SELECT} WHERE h.status IN ('NEW', 'IN_REVIEW', 'ESCALATION_PENDING') ORDER BY h."dueAt", h.id LIMIT ${PAGE + 1}`,
  // The queue filter's choices (server/hits/list-hit-filter-options.ts), read with the /hits page.
  filterSources: `SELECT code, name FROM "WatchlistSource" WHERE active ORDER BY name`,
  // A loose index scan, one probe per category, as the app reads them.
  filterOffences: `WITH RECURSIVE category AS (
      (SELECT "offenceCategory" AS name FROM "WatchlistEntry" ORDER BY 1 LIMIT 1)
      UNION ALL
      SELECT (SELECT e."offenceCategory" FROM "WatchlistEntry" e WHERE e."offenceCategory" > category.name ORDER BY 1 LIMIT 1)
        FROM category WHERE category.name IS NOT NULL)
    SELECT name FROM category WHERE name IS NOT NULL ORDER BY name`,
  filtered: `${LIST_SELECT} WHERE h."sourceId" = (SELECT id FROM "WatchlistSource" WHERE code = $1) AND h.score >= $2
    ORDER BY h.score DESC, h.id DESC LIMIT ${PAGE + 1}`,
  afterCursor: `${LIST_SELECT} WHERE (h."dueAt", h.id) > ($1, $2::uuid) ORDER BY h."dueAt", h.id LIMIT ${PAGE + 1}`,
  detail: `
    SELECT h.*, row_to_json(t) AS traveller, row_to_json(e) AS entry, s.code, s.name AS "sourceName",
           a.id AS "assigneeId", a.name AS "assigneeName", d.name AS "decidedByName"
    FROM "Hit" h
    JOIN "Traveller" t ON t.id = h."travellerId"
    JOIN "WatchlistEntry" e ON e.id = h."entryId"
    JOIN "WatchlistSource" s ON s.id = h."sourceId"
    LEFT JOIN "User" a ON a.id = h."assigneeId"
    LEFT JOIN "User" d ON d.id = h."decidedById"
    WHERE h.id = $1`,
  events: `SELECT ev.id, ev.type, ev.at, ev.note, ev.data, u.name FROM "HitEvent" ev LEFT JOIN "User" u ON u.id = ev."actorId"
    WHERE ev."hitId" = $1 ORDER BY ev.at DESC`,
  views: `SELECT seq, at, "actorId", "actorLabel", purpose, details FROM "AccessEvent"
    WHERE "travellerId" = $1 AND "resourceType" = 'hit' AND "resourceId" = $2 AND operation = 'CONSULTATION'
      AND (details #> ARRAY['view']) <> '"hit-list"'::jsonb ORDER BY at DESC LIMIT 200`,
};

/** The cursor server/hits/hit-cursor.ts writes: base64url of JSON [sort, value, id]. */
export function encodeCursor(sort: 'deadline' | 'score' | 'age', value: string | number, id: string): string {
  return Buffer.from(JSON.stringify([sort, value, id])).toString('base64url');
}

function items(body: unknown): { id: string }[] {
  const list = (body as { items?: unknown }).items;
  if (!Array.isArray(list) || list.length === 0) throw new Error('the page has no items');
  return list as { id: string }[];
}

async function rows(pool: pg.Pool, sql: string, params: unknown[] = []): Promise<void> {
  const result = await pool.query(sql, params);
  if (result.rowCount === 0) throw new Error('the query returned no rows');
}

export async function loadFixture(pool: pg.Pool, detailSample: number): Promise<QueueFixture> {
  const source = await pool.query<{ code: string }>(`SELECT s.code FROM "Hit" h JOIN "WatchlistSource" s ON s.id = h."sourceId"
    WHERE h.score >= 0.8 GROUP BY s.code ORDER BY count(*) DESC LIMIT 1`);
  const sourceCode = source.rows[0]?.code;
  if (!sourceCode) throw new Error('no hit scores 0.8 or more: is the database seeded?');
  // Page 1,000 starts after row 999 × 50 of the deadline order over all statuses.
  const marks = await pool.query<{ dueAt: Date; id: string }>(`SELECT "dueAt", id FROM "Hit" ORDER BY "dueAt", id OFFSET $1 LIMIT 2`, [999 * PAGE - 1]);
  const [last, first] = marks.rows;
  if (!last || !first) throw new Error('fewer than 50,000 hits: page 1,000 does not exist');
  const sample = await pool.query<{ id: string }>(`SELECT id FROM "Hit" ORDER BY random() LIMIT $1`, [detailSample]);
  const top = (await pool.query<{ id: string; travellerId: string }>(`${LIST_SELECT} WHERE h.status IN ('NEW', 'IN_REVIEW', 'ESCALATION_PENDING') ORDER BY h."dueAt", h.id LIMIT 1`)).rows[0];
  if (!top) throw new Error('no open hit: the queue is empty');
  const travellerEvents = Number((await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM "AccessEvent" WHERE "travellerId" = $1`, [top.travellerId])).rows[0]?.n ?? 0);
  return {
    sourceCode,
    page1000: { cursor: encodeCursor('deadline', last.dueAt.toISOString(), last.id), dueAt: last.dueAt, id: last.id, firstId: first.id },
    hitIds: sample.rows.map((row) => row.id),
    topHit: { id: top.id, travellerEvents },
  };
}

export function queueOperations(fixture: QueueFixture): Operation[] {
  const { sourceCode, page1000, hitIds, topHit } = fixture;
  const hitId = (i: number) => hitIds[i % hitIds.length] as string;
  const detailOf = (name: string, id: (i: number) => string): Operation => ({
    name,
    path: (i) => `/api/v1/hits/${id(i)}`,
    check: (body, i) => {
      if ((body as { id?: unknown }).id !== id(i)) throw new Error('the detail is of another hit');
    },
    sql: async (pool, i) => {
      const client = await pool.connect();
      try {
        await readHitDetailSql(client, id(i));
      } finally {
        client.release();
      }
    },
  });
  return [
    {
      name: 'queue: first page',
      path: () => '/api/v1/hits',
      check: (body) => void items(body),
      sql: (pool) => rows(pool, SQL.firstPage),
    },
    {
      // What an analyst opens: the first page rendered by the server with the filter's choices.
      name: 'queue: the /hits page (server-rendered first page)',
      page: true,
      path: () => '/hits',
      check: (body) => {
        if (typeof body !== 'string' || !body.includes('<table')) throw new Error('the /hits page has no queue table');
      },
      sql: async (pool) => {
        await rows(pool, SQL.firstPage);
        await rows(pool, SQL.filterSources);
        await rows(pool, SQL.filterOffences);
      },
    },
    {
      name: `queue: ${sourceCode}, score ≥ 0.8, by score`,
      path: () => `/api/v1/hits?status=all&source=${encodeURIComponent(sourceCode)}&scoreMin=0.8&sort=score`,
      check: (body) => void items(body),
      sql: (pool) => rows(pool, SQL.filtered, [sourceCode, 0.8]),
    },
    {
      name: 'queue: page 1,000 by cursor',
      path: () => `/api/v1/hits?status=all&cursor=${page1000.cursor}`,
      check: (body) => {
        const first = items(body)[0]?.id;
        if (first !== page1000.firstId) throw new Error(`page 1,000 starts with ${first}, expected ${page1000.firstId}`);
      },
      sql: (pool) => rows(pool, SQL.afterCursor, [page1000.dueAt, page1000.id]),
    },
    detailOf('hit detail', hitId),
    detailOf(`hit detail, the queue's first hit (its traveller: ${topHit.travellerEvents.toLocaleString('en')} events)`, () => topHit.id),
  ];
}

/** The SELECTs of the hit detail (get-hit.ts, hit-timeline.ts): the hit with its traveller and entry, its history, its views. */
export async function readHitDetailSql(client: pg.PoolClient, hitId: string): Promise<void> {
  const hit = await client.query<{ travellerId: string }>(SQL.detail, [hitId]);
  const travellerId = hit.rows[0]?.travellerId;
  if (!travellerId) throw new Error('no such hit');
  await client.query(SQL.events, [hitId]);
  await client.query(SQL.views, [travellerId, hitId]);
}

/** One API request as the session's user; rejects on anything but 200 with the expected body. */
export async function request(session: HttpSession, operation: Operation, i: number): Promise<void> {
  const { status, text } = await send(`${session.baseUrl}${operation.path(i)}`, { headers: { cookie: session.cookie, accept: operation.page ? 'text/html' : 'application/json' } });
  if (status !== 200) throw new Error(`${operation.path(i)} answered ${status}: ${text.slice(0, 200)}`);
  operation.check(operation.page ? text : JSON.parse(text), i);
}
