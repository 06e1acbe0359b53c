// The database a profile is loaded into and `npm run bench` measures: DATABASE_URL if set;
// else the embedded cluster in `--data-dir`, started for the run (database "proportio", as
// `npm start` names it); else `npm start`'s own cluster (.data/postgres) — the one it runs
// if it is running, otherwise started for the run and stopped afterwards.
import path from 'node:path';
import { parseEnv } from '../../../lib/env.ts';
import { DATABASE_NAME, resolveDatabase } from '../../db/database.mts';
import { freePort, startEmbeddedPostgres } from '../../db/embedded.mts';

export interface TargetDatabase {
  url: string;
  /** Where it is, for the report: DATABASE_URL, or the folder of the embedded cluster. */
  where: string;
  stop: () => Promise<void>;
}

export async function openTargetDatabase(dataDir: string | undefined): Promise<TargetDatabase> {
  const env = parseEnv(process.env);
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, where: 'DATABASE_URL', stop: async () => {} };
  if (dataDir) {
    const folder = path.resolve(dataDir);
    const database = await startEmbeddedPostgres({ dataDir: folder, port: await freePort(), database: DATABASE_NAME });
    return { url: database.url, where: `embedded PostgreSQL in ${folder}`, stop: database.stop };
  }
  const database = await resolveDatabase({ embeddedPort: env.PROPORTIO_DB_PORT, reuseRunning: true });
  return { url: database.url, where: 'embedded PostgreSQL in .data/postgres', stop: database.stop };
}
