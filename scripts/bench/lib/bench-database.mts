// The benchmark's database: DATABASE_URL if set, else an embedded PostgreSQL in a folder —
// a throw-away temp folder (fsync off, deleted on stop) or a kept one (`--data-dir`) so the
// million hits are seeded once and reused. Migrated, seeded, then topped up to scale.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_NAME, isEmpty, migrate, seed } from '../../db/database.mts';
import { freePort, startEmbeddedPostgres } from '../../db/embedded.mts';
import { ensureScaleHits, type Log, type ScaleResult } from '../scale-data.mts';

export interface BenchDatabase {
  url: string;
  scale: ScaleResult;
  stop: () => Promise<void>;
}

export async function openBenchDatabase(options: { hits: number; dataDir?: string; log: Log }): Promise<BenchDatabase> {
  const { log } = options;
  const external = process.env.DATABASE_URL;
  let url: string;
  let stop: () => Promise<void> = async () => {};
  if (external) {
    url = external;
    log('database: DATABASE_URL');
  } else {
    const temporary = !options.dataDir;
    const dataDir = options.dataDir ? path.resolve(options.dataDir) : mkdtempSync(path.join(os.tmpdir(), 'proportio-bench-'));
    // A kept cluster's database is the one `npm run seed -- --profile` and `npm run bench` use, so
    // that a single benchmark pointed at a profile's folder measures the profile. It had a name of
    // its own, and `bench:access-log --data-dir <the five-year profile>` quietly made a second
    // database there and began loading 40 million events into it (issue 11, twelfth pass).
    const database = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: temporary ? 'proportio_bench' : DATABASE_NAME, ephemeral: temporary });
    url = database.url;
    stop = async () => {
      await database.stop().catch(() => {});
      if (temporary) rmSync(dataDir, { recursive: true, force: true });
    };
    log(`database: embedded PostgreSQL in ${dataDir}${temporary ? ' (temporary)' : ''}`);
  }
  try {
    await migrate(url);
    if (await isEmpty(url)) {
      log('database: running the normal seed');
      await seed(url);
    }
    const scale = await ensureScaleHits(url, options.hits, log);
    return { url, scale, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
