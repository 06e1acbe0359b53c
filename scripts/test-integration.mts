// Integration tests against a real PostgreSQL: an embedded throw-away cluster, or the
// server DATABASE_URL names; either way a fresh database per run, migrated with Prisma
// Migrate exactly as production is. Files: *.integration.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from './db/database.mts';
import { freePort, startEmbeddedPostgres } from './db/embedded.mts';
import { findFiles } from './test/find-tests.mts';
import pg from 'pg';

// On an external server: a database of our own, dropped afterwards.
async function createDatabaseOn(serverUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    stop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

const root = path.resolve(import.meta.dirname, '..');
// `npm run test:integration -- server/retention` runs only the files whose path contains one of the arguments.
const only = process.argv.slice(2);
const files = findFiles(root, ['lib', 'server', 'scripts', 'prisma'], (file) => file.endsWith('.integration.test.ts')).filter(
  (file) => only.length === 0 || only.some((part) => file.includes(part)),
);
if (files.length === 0) {
  console.error('No integration tests found.');
  process.exit(1);
}

const databaseName = `proportio_it_${Date.now()}`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'proportio-it-'));
const database = process.env.DATABASE_URL
  ? await createDatabaseOn(process.env.DATABASE_URL, databaseName)
  : await startEmbeddedPostgres({ dataDir, port: await freePort(), database: databaseName, ephemeral: true });
let status = 1;
try {
  await migrate(database.url);
  const result = spawnSync(
    path.join(root, 'node_modules/.bin/tsx'),
    // One file at a time: they share the database and the access log's single chain.
    ['--conditions=react-server', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
    { cwd: root, stdio: 'inherit', env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: 'test' } },
  );
  status = result.status ?? 1;
} finally {
  await database.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(status);
