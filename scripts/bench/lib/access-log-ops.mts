// The access-log benchmark's operations. Searches: through the API as the signed-in privacy
// officer, and as the SELECT the app sends for them (server/access-log/access-event-view.ts's
// readAccessEvents: the search's WHERE, ORDER BY at DESC, seq DESC, LIMIT 101). The API also appends
// one event per search (the search is itself logged) under the chain head's lock.
// Recording: one transaction with and without append_access_events() of one event.
import { send } from './http-client.mts';
import type pg from 'pg';
import { contentHash } from '../../../server/access-log/chain.ts';
import type { Operation } from './queue-ops.mts';
import type { HttpSession } from './session.mts';

const PAGE = 100;
const T = '"public"."AccessEvent"';
const COLUMNS = ['seq', 'at', 'actorType', 'actorLabel', 'role', 'operation', 'outcome', 'resourceType', 'resourceId', 'travellerId',
  'purpose', 'recipient', 'ip', 'userAgent', 'details'].map((c) => `${T}."${c}"`).join(', ');
const select = (where: string, limit = PAGE + 1) => `SELECT ${COLUMNS} FROM ${T}${where ? ` WHERE ${where}` : ''} ORDER BY ${T}."at" DESC, ${T}."seq" DESC LIMIT ${limit}`;
/** Events per batch of an export (server/access-log/export-access-log.ts EXPORT_BATCH). */
const EXPORT_BATCH = 5000;

const SQL = {
  firstPage: select(''),
  byTraveller: select(`(${T}."travellerId" IN ($1))`),
  // As access-event-view.ts resolves a user: by id alone (an OR with the label would keep the planner off the index).
  byActor: select(`(${T}."actorId" IN ($1) AND ${T}."at" >= $2 AND ${T}."at" <= $3)`),
};

export interface AccessLogFixture {
  travellerIds: string[];
  actor: { id: string; email: string };
  /** Seven-day windows spread over the generated years. */
  windows: { from: Date; to: Date }[];
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

export async function loadAccessLogFixture(pool: pg.Pool, actorEmail: string, samples: number): Promise<AccessLogFixture> {
  const actor = (await pool.query<{ id: string; email: string }>('SELECT id, email FROM "User" WHERE email = $1', [actorEmail])).rows[0];
  if (!actor) throw new Error(`no user ${actorEmail}`);
  // Travellers drawn uniformly (not by their number of events), keeping those the log names.
  const travellers = await pool.query<{ id: string }>(`SELECT t.id FROM (SELECT id FROM "Traveller" ORDER BY random() LIMIT 5 * $1) t
    WHERE EXISTS (SELECT 1 FROM "AccessEvent" e WHERE e."travellerId" = t.id) LIMIT $1`, [samples]);
  if (travellers.rows.length === 0) throw new Error('no access events about travellers: seed the log first');
  const span = (await pool.query<{ first: Date; last: Date }>(`SELECT min(at) AS first, max(at) AS last FROM "AccessEvent"`)).rows[0];
  if (!span) throw new Error('the access log is empty');
  const room = Math.max(0, span.last.getTime() - span.first.getTime() - WEEK_MS);
  const windows = Array.from({ length: samples }, (_, i) => {
    const from = new Date(span.first.getTime() + Math.floor(((i * 7919) % samples) / samples * room));
    return { from, to: new Date(from.getTime() + WEEK_MS) };
  });
  return { travellerIds: travellers.rows.map((r) => r.id), actor, windows };
}

function items(body: unknown): { travellerId: string | null; at: string }[] {
  const list = (body as { items?: unknown }).items;
  if (!Array.isArray(list) || list.length === 0) throw new Error('the page has no items');
  return list as { travellerId: string | null; at: string }[];
}

async function rows(pool: pg.Pool, sql: string, params: unknown[] = []): Promise<void> {
  const result = await pool.query(sql, params);
  if (result.rowCount === 0) throw new Error('the query returned no rows');
}

export function searchOperations(fixture: AccessLogFixture): Operation[] {
  const traveller = (i: number) => fixture.travellerIds[i % fixture.travellerIds.length] as string;
  const window = (i: number) => fixture.windows[i % fixture.windows.length] as { from: Date; to: Date };
  return [
    { name: 'access log: first page', path: () => '/api/v1/access-log', check: (body) => void items(body), sql: (pool) => rows(pool, SQL.firstPage) },
    {
      name: 'access log: by person',
      path: (i) => `/api/v1/access-log?travellerId=${traveller(i)}`,
      check: (body, i) => {
        if (items(body).some((item) => item.travellerId !== traveller(i))) throw new Error('an item is about another person');
      },
      sql: (pool, i) => rows(pool, SQL.byTraveller, [traveller(i)]),
      sample: fixture.travellerIds.length,
    },
    {
      name: 'access log: by user, 7 days',
      path: (i) => `/api/v1/access-log?actor=${encodeURIComponent(fixture.actor.email)}&from=${window(i).from.toISOString()}&to=${window(i).to.toISOString()}`,
      check: (body, i) => {
        const { from, to } = window(i);
        if (items(body).some((item) => Date.parse(item.at) < from.getTime() || Date.parse(item.at) > to.getTime())) throw new Error('an item is outside the range');
      },
      sql: (pool, i) => rows(pool, SQL.byActor, [fixture.actor.id, window(i).from, window(i).to]),
      sample: fixture.windows.length,
    },
  ];
}

/** The cost of recording: the same short transaction without and with one appended event. */
export function recordingOperations(fixture: AccessLogFixture): {
  without: (pool: pg.Pool) => Promise<void>;
  with: (pool: pg.Pool, i: number) => Promise<void>;
  withoutFlush: (pool: pg.Pool, i: number) => Promise<void>;
} {
  const transaction = async (pool: pg.Pool, append: ((client: pg.PoolClient) => Promise<unknown>) | null, flush = true) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // For comparison only (the app never does this): the same without waiting for the WAL flush.
      await client.query(flush ? 'SELECT 1' : 'SET LOCAL synchronous_commit = off');
      if (append) await append(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
  return {
    without: (pool) => transaction(pool, null),
    // As server/access-log/record.ts does it: digest in Node, link and insert in the database.
    with: (pool, i) => transaction(pool, append(i)),
    withoutFlush: (pool, i) => transaction(pool, append(i), false),
  };
  function append(i: number) {
    return (client: pg.PoolClient) => {
      const travellerId = fixture.travellerIds[i % fixture.travellerIds.length] as string;
      const fields = {
        at: new Date(), actorType: 'USER', actorId: fixture.actor.id, actorLabel: fixture.actor.email, role: 'ANALYST', operation: 'CONSULTATION',
        outcome: 'ALLOWED', resourceType: 'hit', resourceId: null, travellerId, purpose: 'Hit review', recipient: null, requestId: crypto.randomUUID(),
        ip: '127.0.0.1', userAgent: 'proportio-bench', details: { view: 'hit-detail', fields: 'masked' },
      };
      return client.query('SELECT append_access_events($1::jsonb)', [JSON.stringify([{ ...fields, contentHash: contentHash(fields) }])]);
    };
  }
}

/**
 * The per-person report (a data subject's access request): the page /access-log/person/<id>
 * as the privacy officer opens it (server/access-log/get-person-report.ts: the traveller, their
 * newest 101 events — the first page; older ones load through the search API on request —,
 * the count per operation, and one event recording the report), beside its three SELECTs.
 */
export function personReportOperation(
  session: HttpSession,
  fixture: Pick<AccessLogFixture, 'travellerIds'>,
  name = 'access log: per-person report',
): { name: string; api: (i: number) => Promise<void>; sql: (pool: pg.Pool, i: number) => Promise<void>; sample: number } {
  const traveller = (i: number) => fixture.travellerIds[i % fixture.travellerIds.length] as string;
  return {
    name,
    sample: fixture.travellerIds.length,
    api: async (i) => {
      const { status, text } = await send(`${session.baseUrl}/access-log/person/${traveller(i)}`, { headers: { cookie: session.cookie } });
      if (status !== 200) throw new Error(`/access-log/person answered ${status}: ${text.slice(0, 200)}`);
    },
    sql: async (pool, i) => {
      const client = await pool.connect();
      try {
        await client.query(`SELECT "givenNames", "familyName", "bookingReference", "flightNumber", "flightDate", "collectedAt", "maskedAt" FROM "Traveller" WHERE id = $1`, [traveller(i)]);
        const events = await client.query(select(`${T}."travellerId" IN ($1)`), [traveller(i)]);
        if (events.rowCount === 0) throw new Error('the person has no events');
        // The counts per operation, kept as events are chained (migration 20261201170000).
        await client.query(`SELECT operation, events FROM "public"."AccessEventPersonCount" WHERE "travellerId" = $1 AND events > 0 ORDER BY operation`, [traveller(i)]);
      } finally {
        client.release();
      }
    },
  };
}

export interface ExportWindow {
  from: Date;
  to: Date;
  /** Events with `at` in [from, to]. */
  events: number;
}

/** A window of `size` generated events in the middle of the log (their `at` rises with seq). */
export async function exportWindow(pool: pg.Pool, size: number): Promise<ExportWindow> {
  const head = Number((await pool.query<{ n: string }>(`SELECT "lastSeq"::text AS n FROM "AccessLogHead" WHERE id = 1`)).rows[0]?.n ?? 0);
  const last = Math.max(size, Math.floor(head / 2));
  const ends = await pool.query<{ seq: string; at: Date }>(`SELECT seq::text, at FROM ${T} WHERE seq IN ($1, $2) ORDER BY seq`, [last - size + 1, last]);
  const [first, end] = ends.rows;
  if (!first || !end) throw new Error(`the access log has fewer than ${size.toLocaleString('en')} events`);
  const events = Number((await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${T} WHERE at >= $1 AND at <= $2`, [first.at, end.at])).rows[0]?.n ?? 0);
  return { from: first.at, to: end.at, events };
}

/**
 * Exporting the window as CSV (server/access-log/export-access-log.ts: the export recorded,
 * then the events newest first in keyset batches of 5,000 on (at, seq), streamed) beside the
 * same batches of the bare SELECT, one after the other. Each answers the number of events it read.
 */
export function exportOperation(session: HttpSession, window: ExportWindow): { name: string; api: () => Promise<number>; sql: (pool: pg.Pool) => Promise<number> } {
  const where = `${T}."at" >= $1 AND ${T}."at" <= $2`;
  return {
    name: `access log: export ${window.events.toLocaleString('en')} events (CSV)`,
    api: async () => {
      const response = await fetch(`${session.baseUrl}/api/v1/access-log/export?format=csv&from=${window.from.toISOString()}&to=${window.to.toISOString()}`, { headers: { cookie: session.cookie } });
      if (response.status !== 200 || !response.body) throw new Error(`/api/v1/access-log/export answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
      let lines = 0;
      // Counted with indexOf: a byte-by-byte loop over the 20 MB cost the client ~70 ms of the 2 cores the server shares.
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
      }
      return lines - 1;
    },
    sql: async (pool) => {
      let cursor: { at: Date; seq: string } | null = null;
      let total = 0;
      for (;;) {
        const batch: pg.QueryResult<{ seq: string; at: Date }> = cursor === null
          ? await pool.query<{ seq: string; at: Date }>(select(where, EXPORT_BATCH), [window.from, window.to])
          : await pool.query<{ seq: string; at: Date }>(select(`${where} AND ${T}."at" <= $3 AND (${T}."at" < $3 OR ${T}."seq" < $4)`, EXPORT_BATCH), [window.from, window.to, cursor.at, cursor.seq]);
        total += batch.rows.length;
        const last = batch.rows.at(-1);
        if (batch.rows.length < EXPORT_BATCH || !last) return total;
        cursor = { at: last.at, seq: String(last.seq) };
      }
    },
  };
}

/**
 * The traveller of the queue's first hit: every queue page records a consultation per hit shown,
 * so on a database the benchmarks have run on, this is the person with the most events by far
 * (233,590 on the five-year profile after a dozen runs) — the report's worst case.
 */
export async function mostViewedTraveller(pool: pg.Pool): Promise<{ travellerId: string; events: number }> {
  const first = (await pool.query<{ travellerId: string }>(`SELECT "travellerId" FROM "Hit" WHERE status IN ('NEW', 'IN_REVIEW', 'ESCALATION_PENDING')
    ORDER BY "dueAt", id LIMIT 1`)).rows[0];
  if (!first) throw new Error('no open hit: is the database seeded?');
  const events = Number((await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${T} WHERE "travellerId" = $1`, [first.travellerId])).rows[0]?.n ?? 0);
  return { travellerId: first.travellerId, events };
}
