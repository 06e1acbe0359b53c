// `npm run watchlist:import -- --as admin@proportio.test [--source OFAC-SDN] path/to/sdn.csv`
// Imports OFAC's sdn.csv as published into a watchlist source, on the database `npm start`
// uses (DATABASE_URL or the embedded one), through the same server function as the API and
// the admin page: the named user's permission is checked and the import is logged as theirs.
// Prints the per-row result; exits 1 when rows were rejected (the rest are imported), 2 on failure.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseEnv } from '../lib/env.ts';
import { checkConnection, migrate, resolveDatabase } from './db/database.mts';

const { values, positionals } = parseArgs({
  options: { as: { type: 'string' }, source: { type: 'string', default: 'OFAC-SDN' } },
  allowPositionals: true,
  strict: true,
});
if (!values.as || positionals.length !== 1) {
  console.error('Usage: npm run watchlist:import -- --as <your email> [--source OFAC-SDN] path/to/sdn.csv');
  process.exit(2);
}
const file = positionals[0] as string;
const csv = readFileSync(file, 'utf8');

const database = await resolveDatabase({ databaseUrl: parseEnv(process.env).DATABASE_URL, embeddedPort: parseEnv(process.env).PROPORTIO_DB_PORT, reuseRunning: true });
// server/db.ts reads DATABASE_URL when first used: set it before the server modules load.
process.env.DATABASE_URL = database.url;
let exitCode = 0;
try {
  await checkConnection(database.url);
  await migrate(database.url);
  const { cliCallerFor } = await import('../server/auth/cli-caller.ts');
  const { importSdnFile } = await import('../server/ingest/ofac/import-sdn.ts');
  const { chainAccessEvents } = await import('../server/access-log/chainer.ts');
  const caller = await cliCallerFor(values.as);
  const started = performance.now();
  const { body: result } = await importSdnFile(caller, values.source, csv, null);
  // The server links pending events every fraction of a second; a CLI without a server links its own.
  await chainAccessEvents();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${result.source}: ${result.rows} rows read in ${seconds} s — ${result.created} new, ${result.changed} changed (new version), ${result.unchanged} unchanged, ${result.delisted} delisted.`);
  if (!result.delistingApplied) console.log('Nothing was delisted: the file has rows that could not be read, and one of them may still be listed.');
  if (result.warnings > 0) console.log(`${result.warnings} facts inside imported rows could not be read; they stay in the entries' remarks.`);
  for (const error of result.errors) console.error(`line ${error.line}: ${error.reason}`);
  if (result.errors.length > 0) exitCode = 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  exitCode = 2;
} finally {
  const { db } = await import('../server/db.ts');
  await db().$disconnect();
  await database.stop();
}
process.exit(exitCode);
