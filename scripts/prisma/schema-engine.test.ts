// End-to-end check of the WASM schema engine stand-in (schema-engine.cjs):
// the real Prisma CLI, run through cli.cjs against a throwaway embedded
// PostgreSQL, creates, applies, checks and diffs migrations for a small
// fixture project.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';

const require = createRequire(import.meta.url);
const { startTemporaryPostgres } = require('./drift.cjs') as {
  startTemporaryPostgres: (options?: { database?: string }) => Promise<{ url: string; stop: () => Promise<void> }>;
};

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(import.meta.dirname, 'cli.cjs');

const SCHEMA = `datasource db {
  provider = "postgresql"
}

model Note {
  id     Int    @id @default(autoincrement())
  title  String @unique
  status Status @default(OPEN)
}

enum Status {
  OPEN
  CLOSED
}
`;

let server: { url: string; stop: () => Promise<void> } | undefined;
let fixture = '';
let databaseUrl = '';

before(async () => {
  server = await startTemporaryPostgres({ database: 'admin' });
  // A database that does not exist yet: the CLI must create it through the
  // engine's `cli can-connect-to-database` / `cli create-database`.
  const url = new URL(server.url);
  url.pathname = '/fixture';
  databaseUrl = url.toString();

  fixture = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-engine-test-'));
  // prisma.config.ts imports `prisma/config`, resolved from the fixture.
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(fixture, 'node_modules'), 'dir');
  fs.mkdirSync(path.join(fixture, 'prisma'));
  fs.writeFileSync(path.join(fixture, 'prisma', 'schema.prisma'), SCHEMA);
  fs.writeFileSync(
    path.join(fixture, 'prisma.config.ts'),
    `import { defineConfig } from 'prisma/config';

const url = process.env.DATABASE_URL ?? 'postgresql://placeholder:placeholder@localhost:5432/placeholder';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url },
});
`,
  );
});

after(async () => {
  await server?.stop();
  if (fixture) fs.rmSync(fixture, { recursive: true, force: true });
});

function prisma(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: fixture,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

async function query<T extends pg.QueryResultRow>(sql: string, url = databaseUrl): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const tableExists = async (name: string) =>
  (await query(`SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = '${name}'`))
    .length === 1;

// Temporary shadow databases must be dropped again by the engine.
async function assertNoShadowDatabases() {
  const rows = await query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_shadow_%'",
    server!.url,
  );
  assert.deepEqual(rows, []);
}

const diffArgs = ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', 'prisma/schema.prisma'];

test('migrate dev --create-only creates the database and the first migration', () => {
  const { code, output } = prisma('migrate', 'dev', '--name', 'init', '--create-only');
  assert.equal(code, 0, output);

  const migrationsDir = path.join(fixture, 'prisma', 'migrations');
  const dirs = fs.readdirSync(migrationsDir).filter((name) => name.endsWith('_init'));
  assert.equal(dirs.length, 1, output);
  const sql = fs.readFileSync(path.join(migrationsDir, dirs[0]!, 'migration.sql'), 'utf8');
  assert.match(sql, /CREATE TYPE "Status" AS ENUM \('OPEN', 'CLOSED'\)/);
  assert.match(sql, /CREATE TABLE "Note"/);
  assert.match(fs.readFileSync(path.join(migrationsDir, 'migration_lock.toml'), 'utf8'), /provider = "postgresql"/);
});

test('the database now exists, with nothing applied yet and no shadow database left', async () => {
  assert.equal(await tableExists('Note'), false);
  await assertNoShadowDatabases();
});

test('migrate deploy applies the migration', async () => {
  const { code, output } = prisma('migrate', 'deploy');
  assert.equal(code, 0, output);
  assert.equal(await tableExists('Note'), true);
  const applied = await query<{ migration_name: string }>(
    'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  assert.deepEqual(
    applied.map((row) => row.migration_name.replace(/^\d+_/, '')),
    ['init'],
  );
});

test('migrate status reports the database up to date', () => {
  const { code, output } = prisma('migrate', 'status');
  assert.equal(code, 0, output);
  assert.match(output, /Database schema is up to date!/);
});

test('migrate diff --exit-code finds no drift between migrations and schema', async () => {
  const { code, output } = prisma(...diffArgs, '--exit-code');
  assert.equal(code, 0, output);
  // The CLI can exit 0 silently when the engine dies, so require the verdict.
  assert.match(output, /No difference detected/);
  await assertNoShadowDatabases();
});

test('migrate diff --exit-code reports drift after a field is added to the schema', async () => {
  const schemaPath = path.join(fixture, 'prisma', 'schema.prisma');
  fs.writeFileSync(schemaPath, SCHEMA.replace('status Status', 'body   String?\n  status Status'));

  const summary = prisma(...diffArgs, '--exit-code');
  assert.equal(summary.code, 2, summary.output);
  assert.match(summary.output, /Added column `body`/);

  const script = prisma(...diffArgs, '--script');
  assert.equal(script.code, 0, script.output);
  assert.match(script.output, /ALTER TABLE "Note" ADD COLUMN\s+"body" TEXT;/);
  await assertNoShadowDatabases();
});
