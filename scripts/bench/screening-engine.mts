// The screening-engine benchmark (issue 7): builds the index over OFAC's SDN list, screens
// synthetic travellers against it on one thread, and measures precision and recall on the
// labelled set. Pure engine, no database, no HTTP. Prints figures; it is not a test.
//   node_modules/.bin/tsx --conditions=react-server scripts/bench/screening-engine.mts [--travellers 100000]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseSdnCsv } from '../../server/ingest/ofac/parse-sdn.ts';
import { buildLabelledSet } from '../../server/screening/labelled-set.ts';
import { measurePrecisionRecall } from '../../server/screening/precision-recall.ts';
import { documentKeyOf, travellerNameTokens } from '../../server/screening/compare-pair.ts';
import { findCandidates } from '../../server/screening/find-candidates.ts';
import { buildScreeningIndex, DEFAULT_SCREENING_THRESHOLDS, screenTraveller, type ScreeningMatch } from '../../server/screening/screen.ts';
import { screeningEntryFromSdn } from '../../server/screening/sdn-screening-entry.ts';
import { summarize } from './lib/stats.mts';
import { syntheticTravellers } from './lib/synthetic-travellers.mts';

const TARGET_PER_SECOND = 2000;
const SDN_PATH = path.join(import.meta.dirname, '../../prisma/data/ofac-sdn-2024-05-03/sdn.csv');

const { values } = parseArgs({
  options: {
    travellers: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '7' },
    'listed-rate': { type: 'string', default: '0.005' },
  },
  strict: true,
});
const count = Number(values.travellers);
const listedRate = Number(values['listed-rate']);
if (!Number.isInteger(count) || count <= 0) throw new Error(`--travellers must be a positive integer, got ${values.travellers}`);
if (!(listedRate >= 0 && listedRate <= 1)) throw new Error(`--listed-rate must be between 0 and 1, got ${values['listed-rate']}`);

const number = (value: number, digits = 0) => value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const percent = (part: number, whole: number, digits = 2) => `${whole === 0 ? '—' : number((100 * part) / whole, digits)} %`;

const parsed = parseSdnCsv(readFileSync(SDN_PATH, 'utf8'));
const entries = parsed.entries.map((entry) => screeningEntryFromSdn(entry));
let started = performance.now();
const index = buildScreeningIndex(entries);
const buildMs = performance.now() - started;
const { stats } = index;
console.log(`SDN list: ${number(entries.length)} entries; indexed ${number(stats.entriesIndexed)} individuals (${number(stats.entriesSkipped)} entities, vessels, aircraft skipped), ${number(stats.names)} names and aliases, ${number(stats.blockingKeys)} blocking keys`);
console.log(`index built in ${number(buildMs)} ms; heap ${number(process.memoryUsage().heapUsed / 2 ** 20)} MiB`);

const traffic = syntheticTravellers(count, entries, { seed: Number(values.seed), listedRate });
// Warm-up so that the figure is the steady state of a long-running screening service.
for (const { traveller } of traffic.slice(0, Math.min(2000, count))) screenTraveller(traveller, index);

const latencies = new Float64Array(count);
const matchesOf: ScreeningMatch[][] = [];
const cpuBefore = process.cpuUsage();
started = performance.now();
traffic.forEach(({ traveller }, i) => {
  const at = performance.now();
  matchesOf.push(screenTraveller(traveller, index, DEFAULT_SCREENING_THRESHOLDS));
  latencies[i] = performance.now() - at;
});
const screenMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const perSecond = count / (screenMs / 1000);
const latency = summarize([...latencies].map((ms) => ms * 1000));

// Candidates counted in a separate, untimed pass: what blocking leaves to compare.
let candidates = 0;
for (const { traveller } of traffic) candidates += findCandidates(index, travellerNameTokens(traveller), documentKeyOf(traveller)).length;

let travellersHit = 0;
let hits = 0;
let listed = 0;
let listedFound = 0;
const byTradition = new Map<string, { travellers: number; hit: number }>();
traffic.forEach(({ tradition, listedEntryId }, i) => {
  const matches = matchesOf[i] ?? [];
  hits += matches.length;
  if (matches.length > 0) travellersHit += 1;
  const group = byTradition.get(tradition) ?? { travellers: 0, hit: 0 };
  group.travellers += 1;
  if (matches.length > 0) group.hit += 1;
  byTradition.set(tradition, group);
  if (listedEntryId !== null) {
    listed += 1;
    if (matches.some((match) => match.entryId === listedEntryId)) listedFound += 1;
  }
});

console.log(`\nscreened ${number(count)} travellers in ${number(screenMs)} ms on one thread: ${number(perSecond)} travellers/s (target ${number(TARGET_PER_SECOND)}/s on 2 cores: ${perSecond >= TARGET_PER_SECOND ? 'met' : 'NOT met'})`);
console.log(`CPU time ${number((cpu.user + cpu.system) / count, 1)} µs per traveller; latency per traveller p50 ${number(latency.p50, 0)} µs, p99 ${number(latency.p99, 0)} µs, max ${number(latency.max / 1000, 1)} ms`);
console.log(`thresholds: minScore ${DEFAULT_SCREENING_THRESHOLDS.minScore}, minNameSimilarity ${DEFAULT_SCREENING_THRESHOLDS.minNameSimilarity}`);
console.log(`candidates compared per traveller: ${number(candidates / count, 1)} of ${number(stats.entriesIndexed)} individuals`);
console.log(`hit rate: ${percent(travellersHit, count)} of travellers (${number(hits)} hits); listed individuals injected: ${number(listed)}, found ${number(listedFound)} (${percent(listedFound, listed, 1)})`);
console.log('hit rate by naming tradition (everyday names only; the engine never sees the tradition):');
for (const [tradition, group] of [...byTradition].filter(([name]) => name !== 'listed').sort((a, b) => b[1].hit / b[1].travellers - a[1].hit / a[1].travellers)) {
  console.log(`  ${tradition.padEnd(24)} ${percent(group.hit, group.travellers).padStart(8)} of ${number(group.travellers)}`);
}

started = performance.now();
const labelled = buildLabelledSet(entries);
const measured = measurePrecisionRecall(labelled, index);
console.log(`\nlabelled set (${number(measured.positives)} listed people under variant names, ${number(measured.negatives)} people not listed), default thresholds:`);
console.log(`  precision ${number(measured.precision, 3)} (${number(measured.correctHits)} of ${number(measured.hits)} hits on the right person; ${number(measured.negativesHit)} people not listed were hit)`);
console.log(`  recall    ${number(measured.recall, 3)}`);
for (const [kind, counts] of Object.entries(measured.byKind)) {
  console.log(`  ${kind.padEnd(16)} ${number(counts.hit)} of ${number(counts.cases)} hit`);
}
console.log(`  (${number(performance.now() - started)} ms)`);
