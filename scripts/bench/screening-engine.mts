// The screening-engine benchmark (issue 7): builds the index over OFAC's SDN list, screens
// synthetic travellers against it on one thread, and measures precision and recall on the
// labelled set. Pure engine, no database, no HTTP. Prints figures; it is not a test.
// (screening.mts prints the same engine figures beside the API's; this one adds precision and recall.)
//   node_modules/.bin/tsx --conditions=react-server scripts/bench/screening-engine.mts [--travellers 100000]
import { parseArgs } from 'node:util';
import { buildLabelledSet } from '../../server/screening/labelled-set.ts';
import { measurePrecisionRecall } from '../../server/screening/precision-recall.ts';
import { measureEngine, number, printEngineFigures } from './lib/screening-engine-run.mts';

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

const { figures, entries, index } = measureEngine({ travellers: count, seed: Number(values.seed), listedRate });
printEngineFigures(figures);

const started = performance.now();
const labelled = buildLabelledSet(entries);
const measured = measurePrecisionRecall(labelled, index);
console.log(`\nlabelled set (${number(measured.positives)} listed people under variant names, ${number(measured.negatives)} people not listed), default thresholds:`);
console.log(`  precision ${number(measured.precision, 3)} (${number(measured.correctHits)} of ${number(measured.hits)} hits on the right person; ${number(measured.negativesHit)} people not listed were hit)`);
console.log(`  recall    ${number(measured.recall, 3)}`);
for (const [kind, counts] of Object.entries(measured.byKind)) {
  console.log(`  ${kind.padEnd(16)} ${number(counts.hit)} of ${number(counts.cases)} hit`);
}
console.log(`  (${number(performance.now() - started)} ms)`);
