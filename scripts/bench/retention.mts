// The retention benchmark (issue 8): on a database of `--hits` hits spread over five years
// (one traveller each), runs the retention job as the server does and prints records
// masked and erased per second (target ≥ 50,000/s) and the longest a queue read waited
// while it ran (target ≤ 100 ms). Destructive: the job masks and erases, so it runs on a
// throw-away cluster unless --data-dir names a copy. Prints figures; it is not a test.
//   node_modules/.bin/tsx --conditions=react-server scripts/bench/retention.mts [--hits 300000] [--seconds 60]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBenchDatabase, type BenchDatabase } from './lib/bench-database.mts';
import { writeResults } from './lib/report.mts';
import { measureRetentionPhase, RETENTION_TARGET, type RetentionPhase } from './lib/retention-bench.mts';

const YEAR_MS = 365.25 * 86_400_000;

const { values } = parseArgs({
  options: { hits: { type: 'string', default: '300000' }, 'data-dir': { type: 'string' }, 'batch-size': { type: 'string' }, seconds: { type: 'string', default: '0' } },
  strict: true,
});
const hits = Number(values.hits);
if (!Number.isInteger(hits) || hits <= 0) throw new Error(`--hits must be a positive whole number, got ${values.hits}`);
const number = (value: number, digits = 0) => value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const log = (message: string) => console.log(message);

function print(figures: RetentionPhase): void {
  const { recordsPerSecond: perSecond, queueReadMaxMs: longest } = figures;
  console.log(
    `${figures.phase}: ${number(figures.masked)} masked, ${number(figures.erased)} erased in ${number(figures.seconds, 1)} s${figures.whole ? '' : ' (time limit)'} = ${number(perSecond)} records/s ` +
      `(target ≥ ${number(RETENTION_TARGET.recordsPerSecond)}: ${perSecond >= RETENTION_TARGET.recordsPerSecond ? 'met' : 'NOT met'}); ` +
      `queue first page meanwhile: ${number(figures.queueReads)} reads, p50 ${number(figures.queueReadP50Ms, 1)} ms, p99 ${number(figures.queueReadP99Ms, 1)} ms, longest ${number(longest, 1)} ms ` +
      `(target ≤ ${RETENTION_TARGET.queueBlockMs} ms: ${longest <= RETENTION_TARGET.queueBlockMs ? 'met' : 'NOT met'})`,
  );
}

let database: BenchDatabase | undefined;
try {
  database = await openBenchDatabase({ hits, dataDir: values['data-dir'], log });
  // The job runs in this process, as in the server: server/db.ts reads DATABASE_URL when first used.
  process.env.DATABASE_URL = database.url;
  const options = { batchSize: values['batch-size'] ? Number(values['batch-size']) : undefined, limitMs: Number(values.seconds) * 1000 };
  const masking = await measureRetentionPhase(database.url, 'masking (now)', new Date(), options);
  print(masking);
  // A year on, the oldest fifth of the five years is past its erasure date.
  const erasure = await measureRetentionPhase(database.url, 'erasure (a year on)', new Date(Date.now() + YEAR_MS), options);
  print(erasure);
  const file = writeResults(path.join(import.meta.dirname, 'results'), { benchmark: 'retention', hits, target: RETENTION_TARGET, phases: [masking, erasure] });
  console.log(`written to ${path.relative(process.cwd(), file)}`);
  const { db } = await import('../../server/db.ts');
  await db().$disconnect();
} finally {
  await database?.stop();
}
