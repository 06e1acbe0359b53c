// Tops a migrated, seeded database up to a benchmark-sized set of hits with set-based SQL:
// one Traveller per Hit, spread over five years (DESIGN.md: ~1,000 hits a day, five years
// kept) or the days of `options.timeline`. Older hits are decided (mostly cleared false
// positives); the last two days are the open queue. Deterministic per hit number, idempotent
// (adds only the difference). No access events: lib/access-log-data.mts writes those, as a chain.
import pg from 'pg';
import { INSERT_EVENTS, INSERT_HITS, INSERT_TRAVELLERS, PICK_CHUNK, PLAN_CHUNK, SETUP } from './lib/scale-sql.mts';
import type { Timeline } from './lib/seasonality.mts';

export type Log = (message: string) => void;

const DEFAULT_DAYS = 5 * 365;

/** Shares of the hits older than two days, by where they ended; the rest stay in review. */
export interface Outcomes {
  cleared: number;
  confirmed: number;
  /** Escalated: the request approved by a supervisor. */
  escalated: number;
  /** An escalation request rejected, the hit then confirmed. */
  escalationRejected: number;
}
/** 96 % cleared, 2 % confirmed, 1.5 % escalated, 0.5 % in review (the benchmarks' default). */
export const DEFAULT_OUTCOMES: Outcomes = { cleared: 0.96, confirmed: 0.02, escalated: 0.015, escalationRejected: 0 };

export interface ScaleOptions {
  /** When the hits happen (seasonality.mts); default: evenly over five years up to now. */
  timeline?: Timeline;
  outcomes?: Outcomes;
  /** Whether the open queue (the last two days) holds hits whose escalation awaits a supervisor. */
  pendingEscalations?: boolean;
  /** The screening batches travellers belong to (screening-batches.mts); default: none. */
  batches?: { firstDay: string; counts: readonly number[] };
  /** Called as a chunk's statements finish with the hits the database holds (or is about to). */
  onProgress?: (hits: number, target: number) => void;
}
const CHUNK = 100_000;
// Share of hits per list; national lists produce most hits, OFAC's real names some.
const SOURCE_WEIGHTS: Readonly<Record<string, number>> = { 'NATIONAL-ALERTS': 0.45, 'SIS-LIKE': 0.3, 'OFAC-SDN': 0.25 };
const NATIONALITIES = ['DEU', 'TUR', 'POL', 'ROU', 'ITA', 'GBR', 'USA', 'FRA', 'ESP', 'NLD', 'SYR', 'IRQ', 'AFG', 'IRN',
  'RUS', 'UKR', 'CHN', 'IND', 'PAK', 'NGA', 'MAR', 'EGY', 'LBN', 'BRA', 'COL', 'SRB', 'ALB', 'GRC', 'DZA', 'TUN'];
const GIVEN_NAMES = ['MOHAMMED', 'AHMED', 'ALI', 'OMAR', 'IVAN', 'SERGEI', 'JOSE', 'MARIA', 'ANNA', 'FATIMA', 'MEHMET', 'ELENA', 'DAVID', 'YUSUF', 'KARIM'];
const CARRIERS = ['LH', 'EW', 'TK', 'LO', 'RO', 'AF', 'BA', 'KL', 'EK', 'QR', 'UA', 'ET', 'MS', 'SV', 'AZ', 'PC'];
const FOREIGN_AIRPORTS = ['IST', 'SAW', 'WAW', 'OTP', 'CDG', 'LHR', 'AMS', 'DXB', 'DOH', 'JFK', 'ADD', 'CAI', 'JED', 'FCO',
  'BCN', 'MAD', 'DEL', 'PEK', 'LOS', 'BEY', 'TBS', 'BEG', 'TIA', 'ATH', 'ALG', 'TUN', 'CMN', 'BOG', 'GRU', 'KBP'];

export interface ScaleResult {
  before: number;
  added: number;
  escalations: number;
  hitEvents: number;
  seconds: number;
}

async function ids(client: pg.Client, sql: string): Promise<string[]> {
  return (await client.query<{ id: string }>(sql)).rows.map((row) => row.id);
}

async function prepare(client: pg.Client): Promise<void> {
  await client.query(SETUP);
  const sources = (await client.query<{ code: string; n: number }>('SELECT code, count(*)::int AS n FROM scale_entry GROUP BY code ORDER BY code')).rows;
  if (sources.length === 0) throw new Error('scale-data: no watchlist entries of individuals; run the normal seed first.');
  const total = sources.reduce((sum, source) => sum + (SOURCE_WEIGHTS[source.code] ?? 0.1), 0);
  let lo = 0;
  for (const [i, source] of sources.entries()) {
    const hi = i === sources.length - 1 ? 1.000001 : lo + (SOURCE_WEIGHTS[source.code] ?? 0.1) / total;
    await client.query('INSERT INTO scale_source (code, lo, hi, n) VALUES ($1, $2, $3, $4)', [source.code, lo, hi, source.n]);
    lo = hi;
  }
}

/** Adds hits (with traveller, history and escalations) until the database holds `targetHits`. */
export async function ensureScaleHits(databaseUrl: string, targetHits: number, log: Log = console.log, options: ScaleOptions = {}): Promise<ScaleResult> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const before = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM "Hit"')).rows[0]?.n ?? 0);
    const result: ScaleResult = { before, added: 0, escalations: 0, hitEvents: 0, seconds: 0 };
    if (before >= targetHits) {
      log(`scale-data: ${before.toLocaleString('en')} hits already, nothing to add`);
      return result;
    }
    const analysts = await ids(client, `SELECT id FROM "User" WHERE role = 'ANALYST' AND active ORDER BY email`);
    const supervisors = await ids(client, `SELECT id FROM "User" WHERE role = 'SUPERVISOR' AND active ORDER BY email`);
    const recipients = await ids(client, 'SELECT id FROM "RecipientAuthority" WHERE active ORDER BY name');
    if (analysts.length === 0 || supervisors.length === 0 || recipients.length === 0) {
      throw new Error('scale-data: demo analysts, supervisors or recipient authorities are missing; run the normal seed first.');
    }
    await client.query(`SET work_mem = '256MB'`);
    // The rows are consistent by construction; skipping the foreign-key triggers saves a third
    // of the time. Only a superuser may (the embedded cluster's user is one); others just wait.
    // Triggers are off then too, so the rollups the metrics read are counted here; when they stay on, the triggers count.
    const triggersOff = await client.query(`SET session_replication_role = replica`).then(
      () => true,
      () => {
        log('scale-data: foreign-key checks and triggers stay on (not a superuser)');
        return false;
      },
    );
    await prepare(client);
    const { timeline, pendingEscalations = false, batches, onProgress } = options;
    const outcomes = options.outcomes ?? DEFAULT_OUTCOMES;
    const cumulative = [outcomes.cleared, outcomes.confirmed, outcomes.escalated, outcomes.escalationRejected].map(
      (_, i, shares) => shares.slice(0, i + 1).reduce((sum, share) => sum + share, 0),
    );
    if ((cumulative[3] as number) > 1 + 1e-9) throw new Error('scale-data: the outcome shares add up to more than 1');
    const spanSeconds = (timeline?.days ?? DEFAULT_DAYS) * 86_400;
    // Hit numbers continue after the ones an earlier run added, so reruns never collide.
    const first = 1 + Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Traveller" WHERE "externalRef" LIKE 'SCALE-%'`)).rows[0]?.n ?? 0);
    const last = first + (targetHits - before) - 1;
    const now = timeline ? new Date(timeline.endMs) : new Date();
    const today = now.toISOString().slice(0, 10);
    log(`scale-data: ${before.toLocaleString('en')} hits; adding ${(last - first + 1).toLocaleString('en')} (n ${first}..${last})`);

    for (let lo = first; lo <= last; lo += CHUNK) {
      const hi = Math.min(last, lo + CHUNK - 1);
      const chunkStarted = performance.now();
      // Progress within the chunk, by the share of its time each statement takes (roughly).
      const tick = (share: number) => onProgress?.(before + result.added + Math.round(share * (hi - lo + 1)), targetHits);
      // Seconds per statement group, for the log: where a chunk's minute goes.
      const spent: Record<string, number> = {};
      let mark = performance.now();
      const lap = (name: string) => {
        const now = performance.now();
        spent[name] = (spent[name] ?? 0) + (now - mark) / 1000;
        mark = now;
      };
      await client.query('BEGIN');
      try {
        await client.query('DROP TABLE IF EXISTS scale_pick, scale_plan');
        await client.query(PICK_CHUNK, [lo, hi, now, spanSeconds, analysts, supervisors, timeline?.lowerBounds ?? null, cumulative, pendingEscalations]);
        await client.query('ANALYZE scale_pick');
        lap('pick');
        await client.query(PLAN_CHUNK, [NATIONALITIES, GIVEN_NAMES, CARRIERS, FOREIGN_AIRPORTS, batches?.firstDay ?? null, batches?.counts ?? null, now]);
        await client.query('ANALYZE scale_plan');
        lap('plan');
        tick(0.1);
        await client.query(INSERT_TRAVELLERS, [today, triggersOff]);
        lap('travellers');
        tick(0.3);
        const hits = (await client.query<{ hits: number; escalations: number }>(INSERT_HITS, [recipients, now])).rows[0];
        lap('hits');
        tick(0.7);
        const events = await client.query(INSERT_EVENTS, [now]);
        lap('history');
        tick(0.9);
        if (triggersOff) {
          // The metrics rollups' triggers do not fire with session_replication_role = replica:
          // count the chunk's travellers, then their hits, as the triggers would (migration
          // 20261126180000_metrics_rollups), in slices of about 20,000 (each traveller's hits in one).
          // (The retention-state rollup is counted by INSERT_TRAVELLERS itself.)
          await client.query('SELECT metrics_rollup_add_travellers(array_agg(traveller_id)) FROM scale_plan GROUP BY abs(hashtext(traveller_id::text)) % 5');
          await client.query('SELECT metrics_rollup_add_hits(array_agg(hit_id)) FROM scale_plan GROUP BY abs(hashtext(traveller_id::text)) % 5');
          // And their escalation stages (migration 20261127110100); packages come later, with triggers on.
          await client.query('SELECT metrics_rollup_add_escalation_flags(array_agg(hit_id)) FROM scale_plan GROUP BY abs(hashtext(traveller_id::text)) % 5');
        }
        lap('rollups');
        await client.query('COMMIT');
        lap('commit');
        result.added += hits?.hits ?? 0;
        result.escalations += hits?.escalations ?? 0;
        result.hitEvents += events.rowCount ?? 0;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
      const seconds = (performance.now() - chunkStarted) / 1000;
      const parts = Object.entries(spent).map(([name, part]) => `${name} ${part.toFixed(1)}`).join(', ');
      log(`scale-data: ${(before + result.added).toLocaleString('en')} / ${targetHits.toLocaleString('en')} hits (${seconds.toFixed(1)} s for ${hi - lo + 1}: ${parts})`);
      onProgress?.(before + result.added, targetHits);
    }
    await client.query('DROP TABLE IF EXISTS scale_pick, scale_plan');
    // Fresh rows: statistics for the planner and a visibility map for index-only scans.
    await client.query('SELECT metrics_rollups_compact()');
    await client.query('SELECT retention_state_compact()');
    log('scale-data: VACUUM ANALYZE');
    await client.query('VACUUM (ANALYZE) "Traveller", "Hit", "HitEvent", "Escalation"');
    result.seconds = (performance.now() - started) / 1000;
    log(`scale-data: added ${result.added.toLocaleString('en')} hits in ${result.seconds.toFixed(1)} s`);
    return result;
  } finally {
    await client.end();
  }
}
