// `npm start`: one command from a fresh clone to a running Proportio.
// Without DATABASE_URL it runs an embedded PostgreSQL in .data/postgres; with it,
// it uses that server and starts nothing else. Ctrl-C stops everything cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EnvError, parseEnv } from '../lib/env.ts';
import { DEMO_USERS } from '../prisma/demo-users.ts';
import { checkConnection, isEmpty, migrate, resolveDatabase, ROOT, run, seed, type ResolvedDatabase } from './db/database.mts';
import { DatabaseBusyError, isPortFree } from './db/embedded.mts';
import { serverNodeOptions } from './server-node-options.mts';

// Next.js would phone home with anonymous telemetry; this machine has no network for it.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
const dev = process.argv.includes('--dev');

function fail(message: string): never {
  console.error(`\nProportio cannot start: ${message}\n`);
  process.exit(1);
}

// The embedded default keeps one random secret in a gitignored file, made once.
function localSecret(): string {
  const file = path.join(ROOT, '.secrets', 'nextauth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (child.exitCode !== null) throw new Error('the Next.js server exited during start-up');
    try {
      await fetch(`${url}/login`, { redirect: 'manual' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  throw new Error('the Next.js server did not answer within two minutes');
}

function banner(url: string, database: ResolvedDatabase): void {
  const width = Math.max(...DEMO_USERS.map((user) => user.email.length));
  console.log(`\n  Proportio is running at ${url}`);
  console.log(`  Database: ${database.embedded ? 'embedded PostgreSQL (.data/postgres)' : 'DATABASE_URL'}\n`);
  console.log('  Demo logins (demo data only — never use these passwords elsewhere):');
  for (const user of DEMO_USERS) console.log(`    ${user.role.padEnd(16)} ${user.email.padEnd(width)}  ${user.password}`);
  console.log('\n  Press Ctrl-C to stop.\n');
}

let env;
try {
  env = parseEnv(process.env);
} catch (error) {
  fail(error instanceof EnvError ? error.message : String(error));
}

const external = env.DATABASE_URL !== undefined;
const secret = env.NEXTAUTH_SECRET ?? (external || env.NODE_ENV === 'production' ? undefined : localSecret());
if (!secret) {
  fail('NEXTAUTH_SECRET is not set. With an external DATABASE_URL (production) a secret is required: set NEXTAUTH_SECRET to at least 32 random characters, e.g. `openssl rand -base64 48`.');
}
if (!(await isPortFree(env.PORT, '0.0.0.0'))) {
  fail(`port ${env.PORT} is already in use. Is Proportio already running? Stop it, or set PORT to another port.`);
}

let database: ResolvedDatabase;
try {
  database = await resolveDatabase({ databaseUrl: env.DATABASE_URL, embeddedPort: env.PROPORTIO_DB_PORT });
} catch (error) {
  fail(error instanceof DatabaseBusyError ? error.message : `the embedded PostgreSQL did not start: ${String(error)}`);
}

let app: ChildProcess | undefined;
let stopping = false;
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (app && app.exitCode === null) {
      const exited = new Promise((resolve) => app?.once('exit', resolve));
      app.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    await database.stop().catch(() => {});
    console.log(database.embedded ? 'Proportio and its embedded PostgreSQL stopped.' : 'Proportio stopped.');
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  await checkConnection(database.url);
  await migrate(database.url);
  if (await isEmpty(database.url)) {
    console.log('Empty database: seeding demo data…');
    await seed(database.url);
  }
  const nextBin = path.join(ROOT, 'node_modules/.bin/next');
  if (!dev && !existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    console.log('No build yet: building the app (once)…');
    await run(nextBin, ['build'], { ...process.env, NODE_ENV: 'production' });
  }
  const url = `http://localhost:${env.PORT}`;
  app = spawn(nextBin, [dev ? 'dev' : 'start', '-p', String(env.PORT)], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: serverNodeOptions(), DATABASE_URL: database.url, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: env.NEXTAUTH_URL ?? url },
  });
  app.on('exit', (code) => {
    if (!stopping) {
      console.error(`The Next.js server stopped (exit ${code}).`);
      void shutdown(code ?? 1);
    }
  });
  await waitUntilServing(url, app);
  banner(url, database);
} catch (error) {
  console.error(`\nProportio cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  await shutdown(1);
}
