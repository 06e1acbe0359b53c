// Tops the access log up to a benchmark-sized number of events: five years of what the app
// writes (queue pages, hit details, reveals, collection and screening, decisions, a few
// disclosures, denials and logins), by the existing users, about the existing travellers
// (each event near its traveller's collection time), `at` rising with seq. The events form
// a valid chain continuing from AccessLogHead: contentHash() and linkHash() of chain.ts in
// Node, rows streamed with COPY (text format, written 10,000 lines at a time), head updated in
// the same transaction as each 500,000, so an interrupted run leaves a shorter but intact chain.
import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { canonicalJson, contentHash, linkHash } from '../../../server/access-log/chain.ts';
import { copyValue } from './copy-text.mts';
import { fractionAt, timeAt, type Timeline } from './seasonality.mts';

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
const NEAR_MS = 3 * 24 * 3600 * 1000; // an event is about a traveller collected up to 3 days before
const BATCH = 10_000;
const PER_TRANSACTION = 500_000;

type Actor = { actorType: 'USER' | 'TOKEN'; actorId: string | null; actorLabel: string; role: string | null; ip: string; userAgent: string };
interface Event {
  at: Date; actorType: string; actorId: string | null; actorLabel: string | null; role: string | null; operation: string; outcome: string;
  resourceType: string; resourceId: string | null; travellerId: string | null; purpose: string | null; recipient: string | null;
  requestId: string | null; ip: string | null; userAgent: string | null; details: Record<string, unknown> | null;
}
interface Traveller { ids: string[]; hits: string[]; sources: string[]; collected: Float64Array }
interface Context {
  travellers: Traveller; users: Record<'analyst' | 'supervisor' | 'privacy' | 'all', Actor[]>; feeds: Actor[]; recipients: string[];
  /** Chance of each kind of request (requestWeights). */
  weights: number[];
}

const REVEAL = [['familyName', 'Family name'], ['dateOfBirth', 'Date of birth'], ['documentNumber', 'Document number'], ['contactEmail', 'Email'], ['paymentSummary', 'Payment']] as const;
const REVEAL_PURPOSES = [['IDENTITY_COMPARISON', 'Compare identity with the watchlist entry'], ['DOCUMENT_CHECK', 'Check the travel document'], ['CONTACT_VERIFICATION', 'Verify contact or booking details']] as const;
const CHANGES = [['CLAIMED', 'IN_REVIEW'], ['CLEARED', 'CLEARED'], ['CLEARED', 'CLEARED'], ['CLEARED', 'CLEARED'], ['CONFIRMED', 'CONFIRMED'], ['NOTE', null]] as const;
const AGENTS = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:145.0) Gecko/20100101 Firefox/145.0'];

/** Mulberry32: fast, seedable, good enough to pick cases. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Kinds of request, by share of all events (the default), and how many events one request writes. */
const KINDS = [
  { kind: 'queue', share: 0.6, size: [20, 50] }, { kind: 'detail', share: 0.12, size: [1, 1] }, { kind: 'reveal', share: 0.02, size: [1, 1] },
  { kind: 'collection', share: 0.1, size: [20, 200] }, { kind: 'combination', share: 0.08, size: [1, 5] }, { kind: 'alteration', share: 0.05, size: [1, 1] },
  { kind: 'escalation', share: 0.01, size: [1, 1] }, { kind: 'disclosure', share: 0.003, size: [1, 1] }, { kind: 'search', share: 0.003, size: [1, 1] },
  { kind: 'login', share: 0.01, size: [1, 1] }, { kind: 'failed', share: 0.001, size: [1, 1] }, { kind: 'denied', share: 0.002, size: [1, 1] },
] as const;
export type Kind = (typeof KINDS)[number]['kind'];

export interface ScaleEventsOptions {
  /** When the events happen (seasonality.mts); default: evenly over five years up to now. */
  timeline?: Timeline;
  /** Shares of all events by kind that differ from the defaults (e.g. { reveal: 0.03 }); the others keep theirs. */
  shares?: Partial<Record<Kind, number>>;
  /** Called as rows are sent with the events the log will hold (committed every 500,000). */
  onProgress?: (events: number, target: number) => void;
}

/** Per kind, the chance that a request is of that kind, so that events come in the given shares. */
function requestWeights(shares: Partial<Record<Kind, number>> = {}): number[] {
  const weights = KINDS.map((k) => (shares[k.kind] ?? k.share) / ((k.size[0] + k.size[1]) / 2));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

/** One request's events, all at `at` with one requestId. */
function request(ctx: Context, rnd: () => number, at: Date, requestId: string, max: number): Event[] {
  let r = rnd();
  const index = ctx.weights.findIndex((w) => (r -= w) < 0);
  const spec = KINDS[index < 0 ? 0 : index] ?? KINDS[0];
  const kind: Kind = spec.kind;
  const size = Math.min(max, spec.size[0] + Math.floor(rnd() * (spec.size[1] - spec.size[0] + 1)));
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const worker = rnd() < 0.75 ? pick(ctx.users.analyst) : pick(ctx.users.supervisor);
  const actor = kind === 'collection' || kind === 'combination' ? pick(ctx.feeds)
    : kind === 'escalation' || kind === 'disclosure' ? pick(ctx.users.supervisor)
      : kind === 'search' ? pick(ctx.users.privacy) : kind === 'login' || kind === 'failed' ? pick(ctx.users.all) : worker;
  // Travellers collected in the three days before `at` (the queue's neighbours for a page).
  const { collected } = ctx.travellers;
  const lo = lowerBound(collected, at.getTime() - NEAR_MS);
  const hi = lowerBound(collected, at.getTime() + 1);
  const start = hi > lo ? lo + Math.floor(rnd() * (hi - lo)) : Math.floor(rnd() * collected.length);
  const base = { at, ...actor, outcome: 'ALLOWED', requestId, recipient: null, resourceId: null, travellerId: null, purpose: null, details: null };
  return Array.from({ length: size }, (_, k): Event => {
    const t = (start + k) % collected.length;
    const travellerId = ctx.travellers.ids[t] as string;
    const hitId = ctx.travellers.hits[t] as string;
    const hit = { resourceType: 'hit', resourceId: hitId, travellerId };
    switch (kind) {
      case 'queue':
        return { ...base, operation: 'CONSULTATION', ...hit, purpose: 'Hit queue review', details: { view: 'hit-list', fields: ['name:masked', 'nationality', 'yearOfBirth', 'flight'] } };
      case 'detail':
        return { ...base, operation: 'CONSULTATION', ...hit, purpose: 'Hit review', details: { view: 'hit-detail', fields: 'masked' } };
      case 'reveal': {
        const [field, label] = pick(REVEAL);
        const [purposeCode, purpose] = pick(REVEAL_PURPOSES);
        return { ...base, operation: 'CONSULTATION', ...hit, purpose, details: { view: 'reveal', field, label, purposeCode } };
      }
      case 'collection':
        return { ...base, operation: 'COLLECTION', resourceType: 'traveller', resourceId: travellerId, travellerId, purpose: 'PNR art. 8: PNR and API data received from the air carrier' };
      case 'combination':
        return { ...base, operation: 'COMBINATION', ...hit, purpose: 'PNR art. 6(3)(a): comparison against relevant databases', details: { sourceCode: ctx.travellers.sources[t] } };
      case 'alteration': {
        const [change, toStatus] = pick(CHANGES);
        return { ...base, operation: 'ALTERATION', ...hit, details: toStatus ? { change, toStatus } : { change } };
      }
      case 'escalation':
        return { ...base, operation: 'CONSULTATION', resourceType: 'escalation', resourceId: randomUUID(), travellerId, purpose: 'Escalation review', details: { view: 'escalation-detail', hitId, fields: 'masked' } };
      case 'disclosure':
        return { ...base, operation: 'DISCLOSURE', resourceType: 'disclosure-package', resourceId: randomUUID(), travellerId, recipient: pick(ctx.recipients), purpose: 'Disclosure package downloaded', details: { escalationId: randomUUID(), use: 'download' } };
      case 'search':
        return { ...base, operation: 'CONSULTATION', resourceType: 'access-log', purpose: 'Access log search', details: { filters: ['actor', 'from', 'to'], found: null, shown: 100 } };
      case 'login':
        return { ...base, operation: 'LOGIN', resourceType: 'session' };
      case 'failed':
        return { ...base, operation: 'LOGIN_FAILED', outcome: 'FAILED', actorId: null, role: null, resourceType: 'session', details: { reason: 'wrong-password' } };
      case 'denied':
        return { ...base, operation: 'DENIED', outcome: 'DENIED', resourceType: 'escalation', resourceId: randomUUID(), details: { permission: 'escalations.approve' } };
    }
  });
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

// contentHash() of chain.ts, without its generic key sorting: the keys in canonical order once,
// the values as canonicalJson writes them. Checked against contentHash() every CHECK_EVERY events.
const CHECK_EVERY = 997;
const KEYS = ['at', 'actorType', 'actorId', 'actorLabel', 'role', 'operation', 'outcome', 'resourceType', 'resourceId', 'travellerId',
  'purpose', 'recipient', 'requestId', 'ip', 'userAgent', 'details'].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) as (keyof Event)[];
const PREFIXES = KEYS.map((key, i) => `${i === 0 ? '{' : ','}${JSON.stringify(key)}:`);
function fastContentHash(event: Event): string {
  let text = '';
  KEYS.forEach((key, i) => {
    const value = event[key];
    text += PREFIXES[i] + (value === null ? 'null' : typeof value === 'string' ? JSON.stringify(value) : canonicalJson(value));
  });
  return createHash('sha256').update(`${text}}`).digest('hex');
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
    const step = (now - from) / count;
    // With a timeline, event i sits at its share of the traffic from `from` to now, so busy days get more.
    const fromFraction = timeline ? fractionAt(timeline, from) : 0;
    const atOf = (i: number): number => (timeline ? Math.max(from, Math.floor(timeAt(timeline, fromFraction + (i / count) * (1 - fromFraction)))) : Math.floor(from + i * step));
    log(`access-log-data: ${before.toLocaleString('en')} events; adding ${count.toLocaleString('en')} from ${new Date(from).toISOString()} to now (${ctx.travellers.ids.length.toLocaleString('en')} hits to refer to)`);
    await client.query(`SET synchronous_commit = off`);
    if (count >= Math.max(1_000_000, before)) await dropIndexesForLoad(client, log);
    const insertStarted = performance.now();
    const rnd = random(before + 1);
    let seq = BigInt(before);
    let prevHash = headRow.hash;
    let pendingRequest: Event[] = [];
    const nextEvent = (i: number): Event => {
      if (pendingRequest.length === 0) {
        const at = new Date(atOf(i));
        pendingRequest = request(ctx, rnd, at, `scale-${seq + 1n}`, count - i).reverse();
      }
      return pendingRequest.pop() as Event;
    };
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
      const copy = client.query(copyFrom(COPY));
      let failure: Error | null = null;
      const copied = new Promise<void>((resolve, reject) => {
        copy.on('finish', resolve);
        copy.on('error', (error) => {
          failure = error;
          reject(error);
        });
      });
      copied.catch(() => {}); // awaited below; a failure ends the loop first
      let waitedMs = 0;
      try {
        const txEnd = Math.min(count, done + PER_TRANSACTION);
        while (done < txEnd) {
          const n = Math.min(BATCH, txEnd - done);
          let lines = '';
          for (let k = 0; k < n; k += 1) {
            const event = nextEvent(done + k);
            seq += 1n;
            const content = fastContentHash(event);
            if ((done + k) % CHECK_EVERY === 0 && content !== contentHash(event)) throw new Error(`access-log-data: content hash of event ${seq} differs from chain.ts`);
            const hash = linkHash(prevHash, seq, content);
            lines += `${seq}\t${event.at.toISOString()}\t${event.actorType}\t${copyValue(event.actorId)}\t${copyValue(event.actorLabel)}\t${copyValue(event.role)}\t`
              + `${event.operation}\t${event.outcome}\t${copyValue(event.resourceType)}\t${copyValue(event.resourceId)}\t${copyValue(event.travellerId)}\t`
              + `${copyValue(event.purpose)}\t${copyValue(event.recipient)}\t${copyValue(event.requestId)}\t${copyValue(event.ip)}\t${copyValue(event.userAgent)}\t`
              + `${copyValue(event.details === null ? null : JSON.stringify(event.details))}\t${prevHash}\t${hash}\n`;
            prevHash = hash;
          }
          if (failure) throw failure;
          // PostgreSQL reads while the next 10,000 are built and hashed; the turn of the event loop
          // lets the socket send them, and the wait comes only when PostgreSQL falls behind.
          const t0 = performance.now();
          if (!copy.write(lines)) await new Promise((resolve) => copy.once('drain', resolve));
          else await new Promise((resolve) => setImmediate(resolve));
          waitedMs += performance.now() - t0;
          done += n;
          onProgress?.(before + done, target);
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
      log(`access-log-data: ${(before + done).toLocaleString('en')} / ${target.toLocaleString('en')} events (${Math.round((done - txFirst) / seconds).toLocaleString('en')}/s now, ${Math.round(overall).toLocaleString('en')}/s overall; ${Math.round((100 * waitedMs) / 1000 / seconds)} % of the time waiting for PostgreSQL)`);
      onProgress?.(before + done, target);
    }
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
    await client.end();
  }
}
