// Tops a migrated, seeded database up to a benchmark-sized set of hits with set-based SQL:
// one Traveller per Hit, spread over five years (DESIGN.md: ~1,000 hits a day, five years
// kept). Older hits are decided (mostly cleared false positives); the last two days are the
// open queue. Deterministic per hit number, idempotent (adds only the difference).
// No access events: the access log's hash chain is written by the app alone.
import pg from 'pg';
import { INSERT_EVENTS, INSERT_HITS, INSERT_TRAVELLERS, PICK_CHUNK, PLAN_CHUNK, SETUP } from './lib/scale-sql.mts';

export type Log = (message: string) => void;

const SPAN_SECONDS = 5 * 365 * 24 * 3600;
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
export async function ensureScaleHits(databaseUrl: string, targetHits: number, log: Log = console.log): Promise<ScaleResult> {
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
    await client.query(`SET session_replication_role = replica`).catch(() => log('scale-data: foreign-key checks stay on (not a superuser)'));
    await prepare(client);
    // Hit numbers continue after the ones an earlier run added, so reruns never collide.
    const first = 1 + Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Traveller" WHERE "externalRef" LIKE 'SCALE-%'`)).rows[0]?.n ?? 0);
    const last = first + (targetHits - before) - 1;
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    log(`scale-data: ${before.toLocaleString('en')} hits; adding ${(last - first + 1).toLocaleString('en')} (n ${first}..${last})`);

    for (let lo = first; lo <= last; lo += CHUNK) {
      const hi = Math.min(last, lo + CHUNK - 1);
      const chunkStarted = performance.now();
      await client.query('BEGIN');
      try {
        await client.query('DROP TABLE IF EXISTS scale_pick, scale_plan');
        await client.query(PICK_CHUNK, [lo, hi, now, SPAN_SECONDS, analysts, supervisors]);
        await client.query('ANALYZE scale_pick');
        await client.query(PLAN_CHUNK, [NATIONALITIES, GIVEN_NAMES, CARRIERS, FOREIGN_AIRPORTS]);
        await client.query('ANALYZE scale_plan');
        await client.query(INSERT_TRAVELLERS, [today]);
        const hits = (await client.query<{ hits: number; escalations: number }>(INSERT_HITS, [recipients, now])).rows[0];
        const events = await client.query(INSERT_EVENTS, [now]);
        // The metrics rollups' triggers do not fire with session_replication_role = replica:
        // count the chunk's travellers, then their hits, as the triggers would (migration
        // 20261126180000_metrics_rollups), in slices of about 20,000 (each traveller's hits in one).
        await client.query('SELECT metrics_rollup_add_travellers(array_agg(traveller_id)) FROM scale_plan GROUP BY abs(hashtext(traveller_id::text)) % 5');
        await client.query('SELECT metrics_rollup_add_hits(array_agg(hit_id)) FROM scale_plan GROUP BY abs(hashtext(traveller_id::text)) % 5');
        await client.query('COMMIT');
        result.added += hits?.hits ?? 0;
        result.escalations += hits?.escalations ?? 0;
        result.hitEvents += events.rowCount ?? 0;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
      const seconds = (performance.now() - chunkStarted) / 1000;
      log(`scale-data: ${(before + result.added).toLocaleString('en')} / ${targetHits.toLocaleString('en')} hits (${seconds.toFixed(1)} s for ${hi - lo + 1})`);
    }
    await client.query('DROP TABLE IF EXISTS scale_pick, scale_plan');
    // Fresh rows: statistics for the planner and a visibility map for index-only scans.
    await client.query('SELECT metrics_rollups_compact()');
    log('scale-data: VACUUM ANALYZE');
    await client.query('VACUUM (ANALYZE) "Traveller", "Hit", "HitEvent", "Escalation"');
    result.seconds = (performance.now() - started) / 1000;
    log(`scale-data: added ${result.added.toLocaleString('en')} hits in ${result.seconds.toFixed(1)} s`);
    return result;
  } finally {
    await client.end();
  }
}
