import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient, type Prisma } from '@/generated/prisma/client';
import { env } from '@/lib/env';
import { markIfDatabaseUnavailable } from './database-unavailable';
import { statementName } from './db-statements';

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; pool?: pg.Pool };

export const TRANSACTION_MAX_WAIT_MS = 5_000;

function createPool(): pg.Pool {
  const url = env().DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start the app with `npm start`, which provides one.');
  const pool = new pg.Pool({ connectionString: url });
  // The adapter listens for a broken idle connection once Prisma connects; a direct statement
  // (queryDirect) may come first, and an 'error' event without a listener ends the process.
  pool.on('error', () => {});
  return pool;
}

/** The connection pool Prisma and queryDirect share. */
function pool(): pg.Pool {
  globalForPrisma.pool ??= createPool();
  return globalForPrisma.pool;
}

function createClient(): PrismaClient {
  // node-postgres's pool drops a connection that broke (idle or in use) and opens new ones on
  // demand, so after a database restart the app reconnects by itself; the adapter listens for
  // the pool's errors, so a broken idle connection never crashes the process.
  // A transaction waits up to 5 s for a free connection (Prisma's default is 2 s); past that the
  // app is over capacity and answers 503 with Retry-After (server/http/error-response.ts).
  // Statements marked PREPARED are planned once per connection (./db-statements.ts).
  // $disconnect() ends the pool, as it did when the adapter made its own.
  const adapter = new PrismaPg(pool(), { statementNameGenerator: statementName, disposeExternalPool: true });
  const client = new PrismaClient({ adapter, transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS } });
  // A lost database is marked on its way up, so a failed page says so (server/database-unavailable.ts).
  // The extension only adds a catch: the client's API and types are the same.
  return client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw markIfDatabaseUnavailable(error);
        }
      },
    },
  }) as unknown as PrismaClient;
}

export function db(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

/**
 * One statement on the pool, past the Prisma client: for the few single statements every
 * request or every queue page sends (the session lookup, a queue page, the person report),
 * where Prisma's own work was 56 µs of the server's CPU a query beside 19 for node-postgres
 * alone (a named statement, warm), and more under a server's async hooks. Only for statements
 * whose columns node-postgres reads as Prisma would: text, numbers, booleans, uuids, JSON and
 * timestamptz — no date or timestamp-without-zone columns (node-postgres reads those in local
 * time), no bigint (a string here). Its own transaction, as any single statement; a statement
 * marked PREPARED keeps its name (./db-statements.ts). Errors of a lost database are marked as
 * the client marks them.
 */
export async function queryDirect<T>(query: Prisma.Sql): Promise<T[]> {
  try {
    const result = await pool().query<T & pg.QueryResultRow>({ text: query.text, values: query.values, name: statementName({ sql: query.text }) });
    return result.rows;
  } catch (error) {
    throw markIfDatabaseUnavailable(error);
  }
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
