// Finds the database a script should use: DATABASE_URL if set; otherwise the embedded
// cluster in .data/postgres (reusing it when `npm start` already runs it).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded.mts';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DATA_DIR = path.join(ROOT, '.data', 'postgres');
export const DATABASE_NAME = 'proportio';

export interface ResolvedDatabase extends EmbeddedDatabase {
  embedded: boolean;
}

function runningEmbeddedPort(): number | null {
  const pidFile = path.join(DATA_DIR, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  // postmaster.pid's fourth line is the port.
  const port = Number.parseInt(lines[3] ?? '', 10);
  return Number.isInteger(port) ? port : null;
}

export async function resolveDatabase(options: {
  databaseUrl?: string;
  embeddedPort: number;
  /** Scripts (seed) may use the cluster a running `npm start` owns; a second start may not. */
  reuseRunning?: boolean;
}): Promise<ResolvedDatabase> {
  if (options.databaseUrl) return { url: options.databaseUrl, stop: async () => {}, embedded: false };
  const runningPort = options.reuseRunning ? runningEmbeddedPort() : null;
  if (runningPort !== null) {
    return { url: `postgresql://postgres:postgres@127.0.0.1:${runningPort}/${DATABASE_NAME}`, stop: async () => {}, embedded: true };
  }
  const started = await startEmbeddedPostgres({ dataDir: DATA_DIR, port: options.embeddedPort, database: DATABASE_NAME });
  return { ...started, embedded: true };
}

/** Fails with a sentence when the server cannot be reached, instead of a stack trace later. */
export async function checkConnection(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const where = new URL(url);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot connect to PostgreSQL at ${where.hostname}:${where.port || 5432}${where.pathname}: ${reason}`);
  } finally {
    await client.end().catch(() => {});
  }
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/** Applies committed migrations with Prisma Migrate (offline engine shim where needed). */
export function migrate(url: string): Promise<void> {
  return run(process.execPath, [path.join(ROOT, 'scripts/prisma/cli.cjs'), 'migrate', 'deploy'], {
    ...process.env,
    DATABASE_URL: url,
  });
}

/** Runs the seed in a child: server/ code needs the react-server export condition. */
export function seed(url: string, args: string[] = []): Promise<void> {
  return run(path.join(ROOT, 'node_modules/.bin/tsx'), ['--conditions=react-server', path.join(ROOT, 'prisma/seed-cli.mts'), ...args], {
    ...process.env,
    DATABASE_URL: url,
  });
}

export async function isEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>('SELECT count(*) AS count FROM "User"');
    return result.rows[0]?.count === '0';
  } finally {
    await client.end();
  }
}
