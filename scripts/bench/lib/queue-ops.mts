// The measured operations: each through the API (as a signed-in analyst) and as the statement
// the API sends for it, sent straight to PostgreSQL: built by the app's own code
// (server/hits/list-hits.ts hitPageStatement, read-hit-detail.ts hitDetailStatement) for the
// same caller and query, prepared as the app prepares it. That statement also records the
// access events of what it reads (one per hit shown), so the ratio shows what the app adds to
// its own database work, not to a cheaper read the app never sends.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Prisma } from '../../../generated/prisma/client.ts';
import { parseHitQuery } from '../../../lib/schemas/hit.ts';
import type { Caller } from '../../../server/auth/caller.ts';
import { statementName } from '../../../server/db-statements.ts';
import { hitConsultation } from '../../../server/hits/get-hit.ts';
import { ACTIVE_SOURCES, OFFENCE_CATEGORIES } from '../../../server/hits/list-hit-filter-options.ts';
import { hitPageStatement } from '../../../server/hits/list-hits.ts';
import { hitDetailStatement } from '../../../server/hits/read-hit-detail.ts';
import { send } from './http-client.mts';
import type { HttpSession } from './session.mts';

/** A user the direct SQL acts as (its events name them, as the API's do). */
export interface Actor {
  id: string;
  email: string;
  role: string;
}

/** The user with this e-mail address. */
export async function actor(pool: pg.Pool, email: string): Promise<Actor> {
  const row = (await pool.query<Actor>(`SELECT id, email, role::text AS role FROM "User" WHERE email = $1`, [email])).rows[0];
  if (!row) throw new Error(`no user ${email}: is the database seeded?`);
  return row;
}

/** The caller of one request, as the server makes it for a signed-in user (server/auth/caller.ts). */
export function benchCaller(actor: Actor): Caller {
  return { actorType: 'USER', actorId: actor.id, actorLabel: actor.email, role: actor.role as Caller['role'], requestId: randomUUID(), ip: '127.0.0.1', userAgent: 'proportio-bench' };
}

/** Sends a statement as server/db.ts queryDirect does: its text, its values, named when marked PREPARED. */
export function sendStatement<T extends pg.QueryResultRow>(client: pg.Pool | pg.PoolClient, statement: Prisma.Sql): Promise<pg.QueryResult<T>> {
  return client.query<T>({ text: statement.text, values: statement.values, name: statementName({ sql: statement.text }) });
}

export interface Operation {
  name: string;
  path: (i: number) => string;
  /** Throws when the answer is not what the operation should return. */
  check: (body: unknown, i: number) => void;
  sql: (pool: pg.Pool, i: number) => Promise<void>;
  /** A page (HTML, server-rendered), not an API answer: `check` gets the text. */
  page?: boolean;
  /**
   * How many items (hits, travellers, windows) the operation goes through by its index. Read
   * once before either side is measured (bench-on-database.mts warmSample), so that the side
   * measured first does not pay for the cache the other then finds warm.
   */
  sample?: number;
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

/** The cursor server/hits/hit-cursor.ts writes: base64url of JSON [sort, value, id]. */
export function encodeCursor(sort: 'deadline' | 'score' | 'age', value: string | number, id: string): string {
  return Buffer.from(JSON.stringify([sort, value, id])).toString('base64url');
}

function items(body: unknown): { id: string }[] {
  const list = (body as { items?: unknown }).items;
  if (!Array.isArray(list) || list.length === 0) throw new Error('the page has no items');
  return list as { id: string }[];
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
  const top = (await pool.query<{ id: string; travellerId: string }>(`SELECT h.id, h."travellerId" FROM "Hit" h
    WHERE h.status IN ('NEW', 'IN_REVIEW', 'ESCALATION_PENDING') ORDER BY h."dueAt", h.id LIMIT 1`)).rows[0];
  if (!top) throw new Error('no open hit: the queue is empty');
  const travellerEvents = Number((await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM "AccessEvent" WHERE "travellerId" = $1`, [top.travellerId])).rows[0]?.n ?? 0);
  return {
    sourceCode,
    page1000: { cursor: encodeCursor('deadline', last.dueAt.toISOString(), last.id), dueAt: last.dueAt, id: last.id, firstId: first.id },
    hitIds: sample.rows.map((row) => row.id),
    topHit: { id: top.id, travellerEvents },
  };
}

/** The app's statement for a page of the queue with these query parameters, for a new request of `actor`. */
function pageStatement(actor: Actor, search: string): Prisma.Sql {
  return hitPageStatement(benchCaller(actor), parseHitQuery(new URLSearchParams(search)).query).statement;
}

/** Sends the page's statement; the page's hits in order, as the API would answer them. */
async function pageIds(client: pg.Pool | pg.PoolClient, actor: Actor, search: string): Promise<string[]> {
  const result = await sendStatement<{ rows: string }>(client, pageStatement(actor, search));
  const ids = (JSON.parse(result.rows[0]?.rows ?? '[]') as [string][]).map((row) => row[0]);
  if (ids.length === 0) throw new Error('the page has no hits');
  return ids;
}

export function queueOperations(fixture: QueueFixture, analyst: Actor): Operation[] {
  const { sourceCode, page1000, hitIds, topHit } = fixture;
  const hitId = (i: number) => hitIds[i % hitIds.length] as string;
  const detailOf = (name: string, id: (i: number) => string, sample: number): Operation => ({
    name,
    path: (i) => `/api/v1/hits/${id(i)}`,
    check: (body, i) => {
      if ((body as { id?: unknown }).id !== id(i)) throw new Error('the detail is of another hit');
    },
    sql: (pool, i) => readHitDetailSql(pool, id(i), analyst),
    sample,
  });
  const page = (name: string, search: string, check: Operation['check'] = (body) => void items(body)): Operation => ({
    name,
    path: () => `/api/v1/hits${search}`,
    check,
    sql: (pool) => pageIds(pool, analyst, search).then(() => undefined),
  });
  const filtered = `?status=all&source=${encodeURIComponent(sourceCode)}&scoreMin=0.8&sort=score`;
  const thousandth = `?status=all&cursor=${page1000.cursor}`;
  return [
    page('queue: first page', ''),
    {
      // What an analyst opens: the first page rendered by the server with the filter's choices,
      // read at once (app/(app)/hits/page.tsx; an analyst assigns no one, so no assignee list).
      name: 'queue: the /hits page (server-rendered first page)',
      page: true,
      path: () => '/hits',
      check: (body) => {
        if (typeof body !== 'string' || !body.includes('<table')) throw new Error('the /hits page has no queue table');
      },
      sql: async (pool) => {
        await Promise.all([pageIds(pool, analyst, ''), sendStatement(pool, ACTIVE_SOURCES), sendStatement(pool, OFFENCE_CATEGORIES)]);
      },
    },
    page(`queue: ${sourceCode}, score ≥ 0.8, by score`, filtered),
    {
      ...page('queue: page 1,000 by cursor', thousandth),
      check: (body) => {
        const first = items(body)[0]?.id;
        if (first !== page1000.firstId) throw new Error(`page 1,000 starts with ${first}, expected ${page1000.firstId}`);
      },
      sql: async (pool) => {
        const [first] = await pageIds(pool, analyst, thousandth);
        if (first !== page1000.firstId) throw new Error(`page 1,000 starts with ${first}, expected ${page1000.firstId}`);
      },
    },
    detailOf('hit detail', hitId, hitIds.length),
    detailOf(`hit detail, the queue's first hit (its traveller: ${topHit.travellerEvents.toLocaleString('en')} events)`, () => topHit.id, 1),
  ];
}

/**
 * The hit detail's statement (read-hit-detail.ts): the hit with its traveller, entry, history and
 * views; with `viewer`, recording their consultation as opening the hit does (get-hit.ts), without
 * one as the detail a decision answers with is read.
 */
export async function readHitDetailSql(client: pg.Pool | pg.PoolClient, hitId: string, viewer?: Actor): Promise<void> {
  const result = await sendStatement(client, hitDetailStatement(hitId, viewer ? hitConsultation(benchCaller(viewer)) : undefined));
  if (result.rows.length === 0) throw new Error('no such hit');
}

/** One API request as the session's user; rejects on anything but 200 with the expected body. */
export async function request(session: HttpSession, operation: Operation, i: number): Promise<void> {
  const { status, text } = await send(`${session.baseUrl}${operation.path(i)}`, { headers: { cookie: session.cookie, accept: operation.page ? 'text/html' : 'application/json' } });
  if (status !== 200) throw new Error(`${operation.path(i)} answered ${status}: ${text.slice(0, 200)}`);
  operation.check(operation.page ? text : JSON.parse(text), i);
}
