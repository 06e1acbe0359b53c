import { expect } from '@playwright/test';
import pg from 'pg';
import { startCluster, stopCluster } from '../../scripts/db/pg-ctl.mts';
import type { Db } from './harness';

// Tools for the fault tests: a lock of the test's own that stops the app's transaction at a
// chosen statement, and a real restart of the e2e server's PostgreSQL (pg_ctl, fast mode:
// what an operator's restart or a failover does to open sessions) under the running app.

/** The e2e cluster's data folder, as the server reports it (the e2e server made it a temp folder). */
export async function dataDirectoryOf(db: Db): Promise<string> {
  const [row] = await db.query<{ data_directory: string }>('SHOW data_directory');
  if (!row) throw new Error('no data_directory');
  return row.data_directory;
}

/** A transaction of the test's own that holds a lock until the restart ends it. */
export class Hold {
  private constructor(
    private readonly client: pg.Client,
    private readonly pid: number,
  ) {}

  static async take(lockStatement: string, values: unknown[] = []): Promise<Hold> {
    const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
    // The restart ends this session too; that is the point, not a failure of the test process.
    client.on('error', () => {});
    await client.connect();
    await client.query('BEGIN');
    await client.query(lockStatement, values);
    const [row] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
    return new Hold(client, row?.pid ?? 0);
  }

  /** Waits until another session is blocked behind this lock, and answers the statement it waits in. */
  async waiter(db: Db): Promise<string> {
    let statement = '';
    await expect
      .poll(
        async () => {
          const [row] = await db.query<{ query: string }>('SELECT query FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [this.pid]);
          statement = row?.query ?? '';
          return statement;
        },
        { timeout: 20_000, intervals: [50] },
      )
      .not.toBe('');
    return statement;
  }

  async end(): Promise<void> {
    await this.client.end().catch(() => {});
  }
}

/**
 * Stops the database (fast: open transactions are rolled back, sessions ended), runs
 * `whileDown`, and starts it again with the same options — also when `whileDown` fails, so
 * the specs after this one find it running.
 */
export async function whileDatabaseDown(dataDir: string, whileDown: () => Promise<void>): Promise<void> {
  await stopCluster(dataDir);
  try {
    await whileDown();
  } finally {
    await startCluster(dataDir);
  }
}
