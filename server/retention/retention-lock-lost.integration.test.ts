import assert from 'node:assert/strict';
import { after, mock, test } from 'node:test';
import pg from 'pg';
import { env } from '@/lib/env';
import { db } from '@/server/db';
import { runRetention } from './run-retention';

// The retention job holds its advisory lock on a session of its own, idle while the batches
// run. A database restart ends that session (57P01, which pg_terminate_backend sends too):
// an unheard node-postgres 'error' event would crash the whole server — here, this test
// process, which node:test reports as a failure.

after(() => db().$disconnect());

test('the server ending the retention lock session mid-run does not crash the process', async () => {
  const blocker = new pg.Client({ connectionString: env().DATABASE_URL });
  await blocker.connect();
  const warned = mock.method(console, 'warn', () => {});
  try {
    // Hold the run at its first statement, with its lock session idle meanwhile.
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE "RetentionRun" IN ACCESS EXCLUSIVE MODE');
    const run = runRetention();
    let lockPid: number | undefined;
    for (let i = 0; i < 200 && lockPid === undefined; i++) {
      const { rows } = await blocker.query<{ pid: number }>(
        `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid() LIMIT 1`,
      );
      lockPid = rows[0]?.pid;
      if (lockPid === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(lockPid, 'the run took its lock');
    await blocker.query('SELECT pg_terminate_backend($1)', [lockPid]);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the termination notice reaches the client
    await blocker.query('COMMIT');
    // The run itself goes on (or fails) as a promise, never as an uncaught exception.
    await run.catch(() => null);
    assert.match(String(warned.mock.calls[0]?.arguments[0]), /Retention lock session lost/);
  } finally {
    warned.mock.restore();
    await blocker.end();
  }
});
