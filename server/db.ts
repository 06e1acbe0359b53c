import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { env } from '@/lib/env';
import { markIfDatabaseUnavailable } from './database-unavailable';
import { statementName } from './db-statements';

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const TRANSACTION_MAX_WAIT_MS = 5_000;

function createClient(): PrismaClient {
  const url = env().DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start the app with `npm start`, which provides one.');
  // node-postgres's pool drops a connection that broke (idle or in use) and opens new ones on
  // demand, so after a database restart the app reconnects by itself; the adapter listens for
  // the pool's errors, so a broken idle connection never crashes the process.
  // A transaction waits up to 5 s for a free connection (Prisma's default is 2 s); past that the
  // app is over capacity and answers 503 with Retry-After (server/http/error-response.ts).
  // Statements marked PREPARED are planned once per connection (./db-statements.ts).
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }, { statementNameGenerator: statementName }), transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS } });
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

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
