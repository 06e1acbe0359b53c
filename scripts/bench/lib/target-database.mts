// The database a profile is loaded into and `npm run bench` measures: DATABASE_URL if set;
// else the embedded cluster in `--data-dir`, started for the run (database "proportio", as
// `npm start` names it); else `npm start`'s own cluster (.data/postgres) — the one it runs
// if it is running, otherwise started for the run and stopped afterwards.
import { existsSync, statfsSync } from 'node:fs';
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

// A run writes gigabytes: millions of access events (the direct SQL sends the app's statements,
// which record them), their WAL, and with the copy part a copy of the database. A cluster whose
// disk fills stops mid-statement, and so does everything else on that disk (it happened on the
// five-year profile with 3.7 GB free): so a run on an embedded cluster starts only with room.
const MIN_FREE_GIB = 8;

/** The folder itself or, when it is still to be created (a new cluster), its nearest existing parent. */
function existingFolderOf(folder: string): string {
  let at = path.resolve(folder);
  while (!existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  return at;
}

/** Refuses to start a run when the disk holding `folder` (or where it will be made) has less than `minFreeGib` free. */
export function ensureRoomFor(folder: string, minFreeGib = MIN_FREE_GIB): void {
  const { bavail, bsize } = statfsSync(existingFolderOf(folder));
  const freeGib = (bavail * bsize) / 2 ** 30;
  if (freeGib < minFreeGib) {
    throw new Error(`Only ${freeGib.toFixed(1)} GiB free on the disk of ${folder}; a benchmark run needs at least ${minFreeGib} GiB (free some, or run on another disk).`);
  }
}

export async function openTargetDatabase(dataDir: string | undefined): Promise<TargetDatabase> {
  const env = parseEnv(process.env);
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, where: 'DATABASE_URL', stop: async () => {} };
  if (dataDir) {
    const folder = path.resolve(dataDir);
    ensureRoomFor(folder);
    const database = await startEmbeddedPostgres({ dataDir: folder, port: await freePort(), database: DATABASE_NAME });
    return { url: database.url, where: `embedded PostgreSQL in ${folder}`, stop: database.stop };
  }
  const database = await resolveDatabase({ embeddedPort: env.PROPORTIO_DB_PORT, reuseRunning: true });
  return { url: database.url, where: 'embedded PostgreSQL in .data/postgres', stop: database.stop };
}
