// The screening benchmark (issue 7): the engine alone over OFAC's SDN list (travellers/s,
// target ≥ 2,000/s, and the hit rate); 100,000 travellers through POST /api/v1/screenings
// in batches of 1,000; 100,000 external hits through POST /api/v1/hits in batches of
// 5,000 (target ≥ 10,000 hits/s) — each API run beside the bare INSERTs of the same rows.
// Prints figures; it is not a test. Needs a production build. See scripts/bench/README.md.
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startApp, type AppServer } from './lib/app-server.mts';
import { openBenchDatabase, type BenchDatabase } from './lib/bench-database.mts';
import { writeResults } from './lib/report.mts';
import { measureEngine, number, percent, printEngineFigures, type EngineFigures } from './lib/screening-engine-run.mts';
import { runExternalHits, runScreenings, type ApiRun, type IngestContext, type ScreeningsRun } from './lib/screening-bench.mts';
import { createBenchToken, loadDirectContext } from './lib/screening-ops.mts';
import { syntheticTravellers } from './lib/synthetic-travellers.mts';
import { stopper, wholeOption } from './lib/bench-cli.mts';

const SOURCE = 'OFAC-SDN'; // the seed's code for the SDN list (prisma/seed-watchlists.ts)
const TARGET = { engineTravellersPerSecond: 2000, apiHitsPerSecond: 10_000 };
const PARTS = ['engine', 'screenings', 'hits'] as const;
type Part = (typeof PARTS)[number];

const { values } = parseArgs({
  options: {
    travellers: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '1000' },
    hits: { type: 'string', default: '100000' },
    'hit-batch': { type: 'string', default: '5000' },
    clients: { type: 'string', default: '4' },
    seed: { type: 'string', default: '7' },
    'listed-rate': { type: 'string', default: '0.005' },
    parts: { type: 'string', default: PARTS.join(',') },
    'skip-direct': { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    'app-dir': { type: 'string' },
  },
  strict: true,
});
const travellerCount = wholeOption('travellers', values.travellers);
const batchSize = wholeOption('batch', values.batch, 1000);
const hitCount = wholeOption('hits', values.hits);
const hitBatchSize = wholeOption('hit-batch', values['hit-batch'], 5000);
const clients = wholeOption('clients', values.clients);
const seed = wholeOption('seed', values.seed);
const listedRate = Number(values['listed-rate']);
if (!(listedRate >= 0 && listedRate <= 1)) throw new Error(`--listed-rate must be between 0 and 1, got ${values['listed-rate']}`);
const parts = new Set(values.parts.split(',').map((part) => part.trim()));
for (const part of parts) if (!PARTS.includes(part as Part)) throw new Error(`--parts takes ${PARTS.join(', ')}; got ${part}`);
const log = (message: string) => console.log(message);
const ms = (value: number) => (Number.isFinite(value) ? number(value, 0) : '–');

let database: BenchDatabase | undefined;
let app: AppServer | undefined;
let pool: pg.Pool | undefined;
const stopAll = stopper(() => pool?.end(), () => app?.stop(), () => database?.stop());

function printApiRun(title: string, unit: string, run: ApiRun): void {
  log(`\n${title}`);
  log(`  ${number(run.items)} ${unit} in ${number(run.batches)} requests over ${clients} clients: ${number(run.http.seconds, 1)} s, ${number(run.itemsPerSecond)} ${unit}/s end to end (${run.http.errors} errors)`);
  log(`  per request: p50 ${ms(run.http.p50)} ms, p95 ${ms(run.http.p95)} ms, max ${ms(run.http.max)} ms; first request (warm-up, not counted) ${ms(run.warmupMs)} ms`);
  if (run.direct) {
    log(`  bare INSERTs of the same rows (unnest, one statement per table, rolled back), ${clients} clients: p50 ${ms(run.direct.p50)} ms, p95 ${ms(run.direct.p95)} ms per request, ${number(run.directItemsPerSecond ?? 0)} ${unit}/s (${run.direct.errors} errors)`);
  }
  log(`  access events chained ${run.chainDrainSeconds === null ? 'NOT within 2 minutes' : `${number(run.chainDrainSeconds, 1)} s after the last answer`}`);
  if (run.http.firstError) log(`  first API error: ${run.http.firstError}`);
  if (run.direct?.firstError) log(`  first SQL error: ${run.direct.firstError}`);
}

try {
  const tag = `B${Date.now().toString(36).toUpperCase()}`;
  let engine: EngineFigures | null = null;
  log(`engine: screening ${number(travellerCount)} synthetic travellers against the SDN list${parts.has('engine') ? '' : ' (data only, not measured)'}`);
  const run = measureEngine({ travellers: parts.has('engine') ? travellerCount : 1, seed, listedRate });
  if (parts.has('engine')) {
    engine = run.figures;
    printEngineFigures(engine);
  }
  const traffic = parts.has('engine') ? run.traffic : syntheticTravellers(travellerCount, run.entries, { seed, listedRate });

  let screenings: ScreeningsRun | null = null;
  let external: ApiRun | null = null;
  if (parts.has('screenings') || parts.has('hits')) {
    database = await openBenchDatabase({ hits: 0, dataDir: values['data-dir'], log });
    pool = new pg.Pool({ connectionString: database.url, max: clients + 1 });
    pool.on('error', (error) => log(`pool: ${error.message}`));
    const context = await loadDirectContext(pool, SOURCE);
    log(`database: ${SOURCE} has ${number(context.entries.size)} active listed individuals`);
    const secret = await createBenchToken(pool);
    app = await startApp(database.url, log, values['app-dir'] ? path.resolve(values['app-dir']) : undefined);

    const ingest: IngestContext = {
      appUrl: app.url, secret, pool, direct: context, clients, source: SOURCE, entries: run.entries, tag, seed, skipDirect: values['skip-direct'], log,
    };
    if (parts.has('screenings')) {
      screenings = await runScreenings(ingest, traffic, batchSize, listedRate);
      printApiRun(`POST /api/v1/screenings (${SOURCE}, batches of ${number(batchSize)})`, 'travellers', screenings);
      log(`  hits created ${number(screenings.hitsCreated)}; hit rate ${percent(screenings.travellersHit, travellerCount)} of travellers${engine ? ` (engine alone: ${percent(engine.travellersHit, engine.travellers)})` : ''}; listed individuals injected ${number(screenings.listed)}, found ${number(screenings.listedFound)} (${percent(screenings.listedFound, screenings.listed, 1)})`);
      if (engine) log(`  engine share: ${ms((batchSize / engine.perSecond) * 1000)} ms of CPU per batch of ${number(batchSize)} on one thread`);
    }

    if (parts.has('hits')) {
      external = await runExternalHits(ingest, hitCount, hitBatchSize);
      printApiRun(`POST /api/v1/hits (batches of ${number(hitBatchSize)})`, 'hits', external);
      log(`  hits created ${number(external.hitsCreated)} of ${number(hitCount)} sent`);
    }
  }

  log('\nsummary');
  if (engine) log(`  engine:              ${number(engine.perSecond).padStart(8)} travellers/s (target ≥ ${number(TARGET.engineTravellersPerSecond)}: ${engine.met ? 'met' : 'NOT met'}), hit rate ${percent(engine.travellersHit, engine.travellers)}`);
  if (screenings) log(`  API screenings:      ${number(screenings.itemsPerSecond).padStart(8)} travellers/s end to end, hit rate ${percent(screenings.travellersHit, travellerCount)}, p50/p95 ${ms(screenings.http.p50)}/${ms(screenings.http.p95)} ms per batch of ${number(batchSize)}`);
  if (external) {
    const met = external.http.errors === 0 && external.itemsPerSecond >= TARGET.apiHitsPerSecond;
    log(`  API external hits:   ${number(external.itemsPerSecond).padStart(8)} hits/s end to end (target ≥ ${number(TARGET.apiHitsPerSecond)}: ${met ? 'met' : 'NOT met'}), p50/p95 ${ms(external.http.p50)}/${ms(external.http.p95)} ms per batch of ${number(hitBatchSize)}`);
  }
  const file = writeResults(path.join(import.meta.dirname, 'results'), {
    benchmark: 'screening',
    at: new Date().toISOString(),
    database: !database ? null : process.env.DATABASE_URL ? 'DATABASE_URL' : values['data-dir'] ? 'embedded (kept)' : 'embedded (temporary, fsync off)',
    options: { travellers: travellerCount, batch: batchSize, hits: hitCount, hitBatch: hitBatchSize, clients, seed, listedRate, source: SOURCE },
    target: TARGET,
    engine,
    screenings,
    externalHits: external ? { ...external, met: external.http.errors === 0 && external.itemsPerSecond >= TARGET.apiHitsPerSecond } : null,
  });
  log(`results: ${path.relative(process.cwd(), file)}`);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  await stopAll();
}
