// Tops the access log up to a benchmark-sized number of events: five years of what the app
// writes (queue pages, hit details, reveals, collection and screening, decisions, a few
// disclosures, denials and logins), by the existing users, about the existing travellers
// (each event near its traveller's collection time), `at` rising with seq. The events form
// a valid chain continuing from AccessLogHead: contentHash() and linkHash() of chain.ts in
// Node, rows streamed with COPY (text format, written 10,000 lines at a time), head updated in
// the same transaction as each 500,000, so an interrupted run leaves a shorter but intact chain.
// Worker threads make the events (access-log-events.mts, segment-pool.mts); this thread links
// them into the chain (one sha256 each) and streams them.
import os from 'node:os';
import pg from 'pg';
import { contentHash, linkHash } from '../../../server/access-log/chain.ts';
import { AGENTS, requestWeights, SEGMENT, type Actor, type Context, type Event, type Kind, type Traveller } from './access-log-events.mts';
import type { Timeline } from './seasonality.mts';
import { SegmentPool } from './segment-pool.mts';
import { copyIn } from './copy-text.mts';

export type Log = (message: string) => void;

export interface ScaleEventsResult {
  before: number;
  added: number;
  /** Whole top-up; of which inserting, building dropped indexes, VACUUM ANALYZE. */
  seconds: number;
  insertSeconds: number;
  indexSeconds: number;
  vacuumSeconds: number;
  eventsPerSecond: number;
}

const SPAN_MS = 5 * 365 * 24 * 3600 * 1000;
const BATCH = 10_000;
const PER_TRANSACTION = 5 * SEGMENT;

export interface ScaleEventsOptions {
  /** When the events happen (seasonality.mts); default: evenly over five years up to now. */
  timeline?: Timeline;
  /** Shares of all events by kind that differ from the defaults (e.g. { reveal: 0.03 }); the others keep theirs. */
  shares?: Partial<Record<Kind, number>>;
  /** Called as rows are sent with the events the log will hold (committed every 500,000). */
  onProgress?: (events: number, target: number) => void;
  /** Worker threads making the events; default: one per core. */
  threads?: number;
}

async function loadContext(client: pg.Client, weights: number[]): Promise<Context> {
  const users = (await client.query<{ id: string; email: string; role: string }>(`SELECT id, email, role FROM "User" WHERE active ORDER BY email`)).rows;
  const actor = (u: { id: string; email: string; role: string }, k: number): Actor =>
    ({ actorType: 'USER', actorId: u.id, actorLabel: u.email, role: u.role, ip: `10.20.0.${10 + k}`, userAgent: AGENTS[k % AGENTS.length] as string });
  const all = users.map(actor);
  const byRole = (role: string) => all.filter((a) => a.role === role);
  const ctx = { users: { analyst: byRole('ANALYST'), supervisor: byRole('SUPERVISOR'), privacy: byRole('PRIVACY_OFFICER'), all } };
  if (ctx.users.analyst.length === 0 || ctx.users.supervisor.length === 0 || ctx.users.privacy.length === 0) {
    throw new Error('access-log-data: analysts, supervisors or a privacy officer are missing; run the normal seed first.');
  }
  const rows = await client.query<{ t: string; h: string; s: string; ms: number }>({
    text: `SELECT h."travellerId" AS t, h.id AS h, s.code AS s, (extract(epoch FROM t."collectedAt") * 1000)::float8 AS ms
      FROM "Hit" h JOIN "Traveller" t ON t.id = h."travellerId" JOIN "WatchlistSource" s ON s.id = h."sourceId" ORDER BY t."collectedAt"`,
  });
  if (rows.rows.length === 0) throw new Error('access-log-data: no hits; seed hits first.');
  const travellers: Traveller = { ids: [], hits: [], sources: [], collected: new Float64Array(rows.rows.length) };
  rows.rows.forEach((row, i) => {
    travellers.ids.push(row.t);
    travellers.hits.push(row.h);
    travellers.sources.push(row.s);
    travellers.collected[i] = row.ms;
  });
  const recipients = (await client.query<{ name: string }>('SELECT name FROM "RecipientAuthority" ORDER BY name')).rows.map((r) => r.name);
  const feeds: Actor[] = ['carrier-feed-lh', 'api-pnr-gateway'].map((label) => ({ actorType: 'TOKEN', actorId: null, actorLabel: label, role: null, ip: '10.30.0.5', userAgent: 'proportio-ingest/1.0' }));
  return { ...ctx, travellers, feeds, recipients: recipients.length > 0 ? recipients : ['Federal Criminal Police Office'], weights };
}

// A load that at least doubles the log drops the secondary indexes of "AccessEvent" and builds
// them afterwards (sorted, in parallel): far faster than 40 million random insertions into the
// hash index. Their definitions are kept in a table of their own, written in the transaction
// that drops them, so the set never goes stale as migrations add indexes, and any later run
// first rebuilds what an interrupted one left dropped.
const DROPPED = 'scale_dropped_index';

async function buildIndexes(client: pg.Client, log: Log): Promise<void> {
  if ((await client.query('SELECT to_regclass($1) AS t', [DROPPED])).rows[0]?.t === null) return;
  await client.query(`SET maintenance_work_mem = '1GB'`);
  const dropped = (await client.query<{ name: string; definition: string }>(`SELECT name, definition FROM ${DROPPED} ORDER BY name`)).rows;
  for (const { name, definition } of dropped) {
    const started = performance.now();
    const exists = (await client.query(`SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() AND indexname = $1`, [name])).rowCount;
    if (!exists) await client.query(definition);
    await client.query(`DELETE FROM ${DROPPED} WHERE name = $1`, [name]);
    if (!exists) log(`access-log-data: built ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  await client.query(`DROP TABLE ${DROPPED}`);
}

async function dropIndexesForLoad(client: pg.Client, log: Log): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(`CREATE TABLE ${DROPPED} (name text PRIMARY KEY, definition text NOT NULL)`);
    const indexes = (await client.query<{ name: string }>(`
      INSERT INTO ${DROPPED} (name, definition)
      SELECT i.indexname, i.indexdef FROM pg_indexes i
      JOIN pg_class c ON c.relname = i.indexname AND c.relnamespace = current_schema()::regnamespace
      WHERE i.schemaname = current_schema() AND i.tablename = 'AccessEvent'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid)
      RETURNING name`)).rows;
    for (const { name } of indexes) await client.query(`DROP INDEX "${name}"`);
    await client.query('COMMIT');
    log(`access-log-data: ${indexes.length} secondary indexes dropped for the load (rebuilt at the end): ${indexes.map((i) => i.name).join(', ')}`);
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** Warns when the head's event does not recompute with chain.ts: verification will then fail before the new events. */
async function checkHead(client: pg.Client, head: { lastSeq: string; hash: string }, log: Log): Promise<void> {
  if (head.lastSeq === '0') return;
  const row = (await client.query<Omit<Event, 'details'> & { seq: string; details: unknown; prevHash: string; hash: string }>(`
    SELECT seq, at, "actorType"::text AS "actorType", "actorId"::text AS "actorId", "actorLabel", role::text AS role, operation::text AS operation,
      outcome::text AS outcome, "resourceType", "resourceId", "travellerId"::text AS "travellerId", purpose, recipient, "requestId", ip, "userAgent",
      details, "prevHash", hash FROM "AccessEvent" WHERE seq = $1`, [head.lastSeq])).rows[0];
  if (!row || row.hash !== head.hash || linkHash(row.prevHash, BigInt(row.seq), contentHash(row)) !== row.hash) {
    log(`access-log-data: WARNING: event ${head.lastSeq}, the head, does not recompute with server/access-log/chain.ts (written by older code?): `
      + 'the new events link to it, but verification will report the log broken.');
  }
}

// COPY rather than INSERT … unnest($1::text[], …): pg serializes each array parameter in
// JavaScript (about 14 µs an event for the 19 columns), a COPY line costs about 3 µs, and
// PostgreSQL parses COPY text faster than array literals.
const COPY = `COPY "AccessEvent" (seq, at, "actorType", "actorId", "actorLabel", role, operation, outcome, "resourceType",
  "resourceId", "travellerId", purpose, recipient, "requestId", ip, "userAgent", details, "prevHash", hash) FROM STDIN`;

/** Adds chained events until the log holds `target` (counted by the head's lastSeq). */
export async function ensureScaleEvents(databaseUrl: string, target: number, log: Log = console.log, options: ScaleEventsOptions = {}): Promise<ScaleEventsResult> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let pool: SegmentPool | undefined;
  try {
    const headRow = (await client.query<{ lastSeq: string; hash: string }>(`SELECT "lastSeq", hash FROM "AccessLogHead" WHERE id = 1`)).rows[0];
    if (!headRow) throw new Error('access-log-data: no AccessLogHead row; migrate first.');
    const before = Number(headRow.lastSeq);
    const result: ScaleEventsResult = { before, added: 0, seconds: 0, insertSeconds: 0, indexSeconds: 0, vacuumSeconds: 0, eventsPerSecond: 0 };
    await buildIndexes(client, log);
    if (before >= target) {
      log(`access-log-data: ${before.toLocaleString('en')} events already, nothing to add`);
      return result;
    }
    await checkHead(client, headRow, log);
    const { timeline, onProgress } = options;
    const ctx = await loadContext(client, requestWeights(options.shares));
    // A top-up continues after the last generated event (newest first along the primary key).
    const last = (await client.query<{ at: Date }>(`SELECT at FROM "AccessEvent" WHERE "requestId" LIKE 'scale-%' ORDER BY seq DESC LIMIT 1`)).rows[0];
    const now = timeline?.endMs ?? Date.now();
    const from = Math.max(last ? last.at.getTime() + 1 : 0, timeline?.startMs ?? now - SPAN_MS);
    const count = target - before;
    log(`access-log-data: ${before.toLocaleString('en')} events; adding ${count.toLocaleString('en')} from ${new Date(from).toISOString()} to now (${ctx.travellers.ids.length.toLocaleString('en')} hits to refer to)`);
    await client.query(`SET synchronous_commit = off`);
    if (count >= Math.max(1_000_000, before)) await dropIndexesForLoad(client, log);
    const insertStarted = performance.now();
    const threads = Math.max(1, options.threads ?? os.availableParallelism());
    pool = new SegmentPool({ ctx, before, count, from, now, timeline }, Math.ceil(count / SEGMENT), threads);
    let seq = BigInt(before);
    let prevHash = headRow.hash;
    for (let done = 0; done < count; ) {
      const txStarted = performance.now();
      const txFirst = done;
      await client.query('BEGIN');
      // The head must be where this run left it: no writer may have appended meanwhile.
      const locked = (await client.query<{ lastSeq: string; hash: string }>(`SELECT "lastSeq", hash FROM "AccessLogHead" WHERE id = 1 FOR UPDATE`)).rows[0];
      if (!locked || BigInt(locked.lastSeq) !== seq || locked.hash !== prevHash) {
        await client.query('ROLLBACK');
        throw new Error('access-log-data: the head moved during the load (is the app running on this database?)');
      }
      // The reveal trigger of the metrics (migration 20261127110000) would lock each revealed
      // hit and look up its decisions one event at a time: off for the load (superuser only;
      // otherwise it stays on and counts), the transaction's reveals counted at once before COMMIT.
      // (A failed SET would abort the transaction: asked first.)
      const triggersOff = (await client.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = current_user')).rows[0]?.rolsuper === true;
      if (triggersOff) await client.query('SET LOCAL session_replication_role = replica');
      const txFirstSeq = seq + 1n;
      const { stream: copy, done: copied, failure } = copyIn(client, COPY);
      let waitedMs = 0;
      try {
        const txEnd = Math.min(count, done + PER_TRANSACTION);
        while (done < txEnd) {
          const t0 = performance.now();
          const rows = await pool.take(done / SEGMENT);
          waitedMs += performance.now() - t0;
          const lines = rows.lines.split('\n');
          for (let k = 0; k < lines.length; k += BATCH) {
            let text = '';
            const end = Math.min(lines.length, k + BATCH);
            for (let j = k; j < end; j += 1) {
              seq += 1n;
              const hash = linkHash(prevHash, seq, rows.contents.slice(j * 64, j * 64 + 64));
              text += `${lines[j]}\t${prevHash}\t${hash}\n`;
              prevHash = hash;
            }
            const failed = failure();
            if (failed) throw failed;
            // PostgreSQL reads while the next lines are linked; the turn of the event loop lets
            // the socket send them, and the wait comes only when PostgreSQL falls behind.
            const t1 = performance.now();
            if (!copy.write(text)) await new Promise((resolve) => copy.once('drain', resolve));
            else await new Promise((resolve) => setImmediate(resolve));
            waitedMs += performance.now() - t1;
            done += end - k;
            onProgress?.(before + done, target);
          }
        }
      } catch (error) {
        // Ends the COPY with CopyFail, so the connection can roll back.
        copy.destroy(error as Error);
        await copied.catch(() => {});
        throw error;
      }
      const t0 = performance.now();
      copy.end();
      await copied;
      waitedMs += performance.now() - t0;
      if (triggersOff) await client.query('SELECT metrics_rollup_add_reveals($1, $2)', [txFirstSeq.toString(), seq.toString()]);
      await client.query(`UPDATE "AccessLogHead" SET "lastSeq" = $1, hash = $2 WHERE id = 1`, [seq.toString(), prevHash]);
      await client.query('COMMIT');
      result.added = done;
      const seconds = (performance.now() - txStarted) / 1000;
      const overall = result.added / ((performance.now() - started) / 1000);
      log(`access-log-data: ${(before + done).toLocaleString('en')} / ${target.toLocaleString('en')} events (${Math.round((done - txFirst) / seconds).toLocaleString('en')}/s now, ${Math.round(overall).toLocaleString('en')}/s overall; ${Math.round((100 * waitedMs) / 1000 / seconds)} % of the time waiting for the ${threads} worker thread${threads === 1 ? '' : 's'} or PostgreSQL)`);
      onProgress?.(before + done, target);
    }
    await pool.close();
    pool = undefined;
    result.insertSeconds = (performance.now() - insertStarted) / 1000;
    const indexStarted = performance.now();
    await buildIndexes(client, log);
    result.indexSeconds = (performance.now() - indexStarted) / 1000;
    log('access-log-data: VACUUM ANALYZE "AccessEvent"');
    const vacuumStarted = performance.now();
    await client.query('VACUUM (ANALYZE) "AccessEvent", "AccessLogHead"');
    result.vacuumSeconds = (performance.now() - vacuumStarted) / 1000;
    result.seconds = (performance.now() - started) / 1000;
    result.eventsPerSecond = Math.round(result.added / result.seconds);
    log(`access-log-data: added ${result.added.toLocaleString('en')} events in ${result.seconds.toFixed(1)} s, ${result.eventsPerSecond.toLocaleString('en')}/s `
      + `(inserting ${result.insertSeconds.toFixed(1)} s, indexes ${result.indexSeconds.toFixed(1)} s, VACUUM ANALYZE ${result.vacuumSeconds.toFixed(1)} s)`);
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await pool?.close();
    await client.end();
  }
}
