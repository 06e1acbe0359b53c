// The part of `npm run bench` (run-all.mts) that would change the data set for good —
// ingesting screenings and an external engine's hits, and the retention job masking and
// erasing — measured on a copy of the database (CREATE DATABASE … TEMPLATE, a file copy),
// dropped afterwards; plus the screening engine alone (no database). The copy needs no
// other session on the database while it is made (stop `npm start` first) and, on an
// external server, the CREATEDB privilege.
import { statfsSync } from 'node:fs';
import pg from 'pg';
import { startApp, type AppServer } from './app-server.mts';
import { latencyRow, type BenchRow } from './bench-table.mts';
import { measureRetentionPhase, RETENTION_TARGET, retentionClocks, type RetentionPhase } from './retention-bench.mts';
import { runExternalHits, runScreenings, type ApiRun, type ScreeningsRun } from './screening-bench.mts';
import { ENGINE_TARGET_PER_SECOND, measureEngine, type EngineFigures } from './screening-engine-run.mts';
import { createBenchToken, loadDirectContext } from './screening-ops.mts';

const SOURCE = 'OFAC-SDN';
const INGEST_TARGET_PER_SECOND = 10_000;
const INGEST_CLIENTS = 4;

export interface CopyOptions {
  appDir: string;
  engineTravellers: number;
  screeningTravellers: number;
  externalHits: number;
  /** Per retention phase, 0: to the end. */
  retentionLimitMs: number;
  log: (message: string) => void;
}

export interface OnCopy {
  rows: BenchRow[];
  copySeconds: number | null;
  engine: EngineFigures;
  screenings: ScreeningsRun | null;
  externalHits: ApiRun | null;
  retention: RetentionPhase[];
  skipped: string | null;
}

function serverUrl(url: string, database: string): string {
  const server = new URL(url);
  server.pathname = `/${database}`;
  return server.toString();
}

async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl(url, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The copy's name and URL: the database's name with _bench_copy, on the same server. */
export function copyOf(url: string): { name: string; copy: string; copyUrl: string } {
  const name = new URL(url).pathname.slice(1);
  const copy = `${name}_bench_copy`;
  return { name, copy, copyUrl: serverUrl(url, copy) };
}

export async function measureOnCopy(url: string, options: CopyOptions): Promise<OnCopy> {
  const { log } = options;
  const rows: BenchRow[] = [];
  log(`screening engine: ${options.engineTravellers.toLocaleString('en')} synthetic travellers against the whole SDN list, one thread`);
  const run = measureEngine({ travellers: Math.max(options.engineTravellers, options.screeningTravellers), seed: 7, listedRate: 0.005 });
  const engine = run.figures;
  rows.push({
    operation: `screening engine (SDN list, ${engine.travellers.toLocaleString('en')} travellers, 1 thread)`, clients: 1, api: null, sql: null,
    rate: { unit: 'travellers/s', api: engine.perSecond, sql: null }, ratio: null, target: `≥ ${ENGINE_TARGET_PER_SECOND.toLocaleString('en')}/s`,
    met: engine.perSecond >= ENGINE_TARGET_PER_SECOND, note: `hit rate ${((100 * engine.travellersHit) / engine.travellers).toFixed(2)} %`,
  });
  const result: OnCopy = { rows, copySeconds: null, engine, screenings: null, externalHits: null, retention: [], skipped: null };

  const { name, copy, copyUrl } = copyOf(url);
  const started = performance.now();
  try {
    await onServer(url, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${copy}" WITH (FORCE)`);
      // A copy as big as the database must fit, with a margin for what the measurements write.
      const size = Number((await client.query<{ n: string }>('SELECT pg_database_size($1)::text AS n', [name])).rows[0]?.n ?? 0);
      const folder = (await client.query<{ data_directory: string }>('SHOW data_directory').catch(() => null))?.rows[0]?.data_directory;
      // Only when the server's folder is on this machine (the embedded cluster); elsewhere the server says.
      const disk = folder ? (() => { try { return statfsSync(folder); } catch { return null; } })() : null;
      if (disk && disk.bavail * disk.bsize < size * 1.3) {
        throw new Error(`the database takes ${(size / 2 ** 30).toFixed(1)} GB and its disk has ${((disk.bavail * disk.bsize) / 2 ** 30).toFixed(1)} GB free`);
      }
      await client.query(`CREATE DATABASE "${copy}" TEMPLATE "${name}" STRATEGY FILE_COPY`);
    });
  } catch (error) {
    result.skipped = `no copy of the database could be made (${error instanceof Error ? error.message : String(error)}): ingestion and retention not measured`;
    log(result.skipped);
    return result;
  }
  result.copySeconds = (performance.now() - started) / 1000;
  log(`copied the database to ${copy} in ${result.copySeconds.toFixed(1)} s`);
  let app: AppServer | undefined;
  const pool = new pg.Pool({ connectionString: copyUrl, max: INGEST_CLIENTS + 1 });
  pool.on('error', (error) => log(`pool: ${error.message}`));
  try {
    const direct = await loadDirectContext(pool, SOURCE);
    const secret = await createBenchToken(pool);
    app = await startApp(copyUrl, log, options.appDir);
    const ingest = { appUrl: app.url, secret, pool, direct, clients: INGEST_CLIENTS, source: SOURCE, entries: run.entries, tag: `B${Date.now().toString(36).toUpperCase()}`, seed: 7, skipDirect: false, log };
    const screenings = await runScreenings(ingest, run.traffic.slice(0, options.screeningTravellers), 1000, 0.005);
    result.screenings = screenings;
    const screeningRow = latencyRow('API screenings (POST /api/v1/screenings, 1,000 a request)', INGEST_CLIENTS, screenings.http, screenings.direct, null,
      `${screenings.items.toLocaleString('en')} travellers; per request beside the bare INSERTs of its rows; hit rate ${(100 * screenings.hitRate).toFixed(2)} %`);
    screeningRow.rate = { unit: 'travellers/s', api: screenings.itemsPerSecond, sql: screenings.directItemsPerSecond };
    rows.push(screeningRow);
    const external = await runExternalHits(ingest, options.externalHits, 5000);
    result.externalHits = external;
    const externalRow = latencyRow('API ingest (POST /api/v1/hits, 5,000 a request)', INGEST_CLIENTS, external.http, external.direct, null,
      `${external.items.toLocaleString('en')} hits; per request beside the bare INSERTs of its rows`);
    externalRow.rate = { unit: 'hits/s', api: external.itemsPerSecond, sql: external.directItemsPerSecond };
    externalRow.target = `≥ ${INGEST_TARGET_PER_SECOND.toLocaleString('en')}/s, ${externalRow.target}`;
    externalRow.met = externalRow.met === true && external.itemsPerSecond >= INGEST_TARGET_PER_SECOND;
    rows.push(externalRow);
    await app.stop();
    app = undefined;
    await pool.end();

    // The job runs in this process as in the server; server/db.ts reads DATABASE_URL once (retention-bench.mts checks).
    process.env.DATABASE_URL = copyUrl;
    const clocks = await retentionClocks(copyUrl);
    for (const [phase, now] of [['retention: masking (now)', clocks.masking], ['retention: erasure (oldest fifth past 5 years)', clocks.erasure]] as const) {
      log(`${phase}: the job with its clock at ${now.toISOString()}${options.retentionLimitMs ? ` for at most ${options.retentionLimitMs / 1000} s` : ''}`);
      const figures = await measureRetentionPhase(copyUrl, phase, now, { limitMs: options.retentionLimitMs }).catch((error: Error) => error);
      if (figures instanceof Error) {
        rows.push({ operation: phase, clients: 1, api: null, sql: null, rate: null, ratio: null, target: '', met: false, note: `failed: ${figures.message}` });
        continue;
      }
      result.retention.push(figures);
      rows.push({
        operation: phase, clients: 1, api: null, sql: null, rate: { unit: 'records/s', api: figures.recordsPerSecond, sql: null }, ratio: null,
        target: `≥ ${RETENTION_TARGET.recordsPerSecond.toLocaleString('en')}/s, queue reads ≤ ${RETENTION_TARGET.queueBlockMs} ms`,
        met: figures.masked + figures.erased > 0 ? figures.recordsPerSecond >= RETENTION_TARGET.recordsPerSecond && figures.queueReadMaxMs <= RETENTION_TARGET.queueBlockMs : null,
        note: `${figures.masked.toLocaleString('en')} masked, ${figures.erased.toLocaleString('en')} erased in ${figures.seconds.toFixed(1)} s${figures.whole ? '' : ' (time limit)'}; `
          + `queue first page read meanwhile ${figures.queueReads.toLocaleString('en')} times: p50 ${figures.queueReadP50Ms.toFixed(1)} ms, p99 ${figures.queueReadP99Ms.toFixed(1)} ms, longest ${figures.queueReadMaxMs.toFixed(1)} ms`,
      });
    }
    const { db } = await import('../../../server/db.ts');
    await db().$disconnect();
    return result;
  } finally {
    await app?.stop().catch(() => {});
    await pool.end().catch(() => {});
    await onServer(url, (client) => client.query(`DROP DATABASE IF EXISTS "${copy}" WITH (FORCE)`)).catch((error: Error) => log(`could not drop ${copy}: ${error.message}`));
  }
}
