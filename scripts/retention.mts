// `npm run retention [-- --dry-run] [-- --now 2031-01-01T00:00:00Z] [-- --batch-size 2000]`
// Runs the retention job once on the database `npm start` uses (DATABASE_URL or the embedded
// one): masks identifying data past 6 months, erases travellers and hits past 5 years
// (except those an open escalation holds), as the server does on its schedule.
// --dry-run changes nothing and prints what would be done. Exits 1 on failure.
import { parseArgs } from 'node:util';
import { parseEnv } from '../lib/env.ts';
import { checkConnection, migrate, resolveDatabase } from './db/database.mts';

const { values } = parseArgs({
  options: { 'dry-run': { type: 'boolean', default: false }, now: { type: 'string' }, 'batch-size': { type: 'string' } },
  strict: true,
});
const now = values.now ? new Date(values.now) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`--now must be a date and time, e.g. 2031-01-01T00:00:00Z; got ${values.now}`);
  process.exit(2);
}
const batchSize = values['batch-size'] ? Number(values['batch-size']) : undefined;
if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) {
  console.error(`--batch-size must be a positive whole number; got ${values['batch-size']}`);
  process.exit(2);
}

const env = parseEnv(process.env);
const database = await resolveDatabase({ databaseUrl: env.DATABASE_URL, embeddedPort: env.PROPORTIO_DB_PORT, reuseRunning: true });
// server/db.ts reads DATABASE_URL when first used: set it before the server modules load.
process.env.DATABASE_URL = database.url;
const number = (value: number) => value.toLocaleString('en-US');
let exitCode = 0;
try {
  await checkConnection(database.url);
  await migrate(database.url);
  const { runRetention } = await import('../server/retention/run-retention.ts');
  const { chainAccessEvents } = await import('../server/access-log/chainer.ts');
  const result = await runRetention({
    now,
    dryRun: values['dry-run'],
    batchSize,
    onProgress: ({ phase, done }) => {
      if (process.stdout.isTTY) process.stdout.write(`\r${phase}: ${number(done)}…\x1b[K`);
    },
  });
  if (process.stdout.isTTY) process.stdout.write('\r\x1b[K');
  if (!result) {
    console.log('Another retention run is in progress (a server or another command); nothing done.');
  } else {
    // The server links pending access events every fraction of a second; a command without a server links its own.
    await chainAccessEvents();
    const verb = result.dryRun ? 'would be' : 'were';
    console.log(`Retention ${result.dryRun ? 'dry run ' : ''}as of ${now.toISOString()} (${(result.durationMs / 1000).toFixed(1)} s):`);
    console.log(`  ${number(result.masked)} travellers ${verb} masked (identifying data sealed, PNR art. 12(2))`);
    console.log(`  ${number(result.erased)} travellers ${verb} erased with their hits (PNR art. 12(1))`);
    console.log(`  ${number(result.suppressionsErased)} cleared-hit memories ${verb} erased with the data they rested on`);
    console.log(`  ${number(result.eventsErased)} access events ${verb} erased after 5 years (PNR art. 13(6))`);
    console.log(`  ${number(result.held)} travellers past their erasure date are held by an open escalation`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  const { db } = await import('../server/db.ts');
  await db().$disconnect();
  await database.stop();
}
process.exit(exitCode);
