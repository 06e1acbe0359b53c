import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { env } from '@/lib/env';
import { db, type Db } from './db';
import { statementName } from './db-statements';
import { ReadRouter } from './replica/read-router';

// One router per process, kept on globalThis like the primary's client (server/db.ts);
// null when no DATABASE_REPLICA_URL is set.
const globalForReplica = globalThis as unknown as { readRouter?: ReadRouter | null };

function createRouter(): ReadRouter | null {
  const { DATABASE_REPLICA_URL: url, DATABASE_REPLICA_MAX_LAG_SECONDS: maxLagSeconds, DATABASE_REPLICA_CHECK_SECONDS: checkSeconds } = env();
  if (!url) return null;
  // A replica that does not answer must not hold a request long: a short connect timeout,
  // after which the read goes to the primary (server/replica/read-router.ts).
  const replica = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: 2000 }, { statementNameGenerator: statementName }) });
  return new ReadRouter({ primary: db, replica, maxLagSeconds, checkIntervalMs: checkSeconds * 1000 });
}

/** The process's replica router, or null when no replica is configured. */
export function readRouter(): ReadRouter | null {
  if (globalForReplica.readRouter === undefined) globalForReplica.readRouter = createRouter();
  return globalForReplica.readRouter;
}

/**
 * Runs a read that records nothing and may be seconds stale (docs/deployment.md, "Which reads
 * may go to a replica") on the read replica while it is fresh, else on the primary. A lagging,
 * stopped or failing replica only moves the read to the primary: it never fails a request.
 */
export function readFromReplica<T>(read: (client: Db) => Promise<T>): Promise<T> {
  const router = readRouter();
  return router ? router.read(read) : read(db());
}
