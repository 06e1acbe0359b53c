import 'server-only';
import { databaseUnavailableDigest } from '@/lib/database-unavailable';

// The shapes a lost database takes on its way up, as observed with @prisma/adapter-pg 7 and
// node-postgres 8 (server/http/database-unavailable.integration.test.ts produces each one):
// Prisma's errors (a code, and the adapter's error in meta.driverAdapterError), the adapter's
// own error (cause.kind, or the server's SQLSTATE), and node-postgres errors passed through
// unwrapped (a socket code, or only words when a connection broke inside a transaction).

/** Prisma: can't reach (P1001), timed out reaching (P1002), socket timeout (P1008), connection closed (P1017), too many connections (P2037). */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2037']);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/**
 * SQLSTATE: class 08 (connection exception); 57P01 admin_shutdown (a fast stop or restart ends
 * every session), 57P02 crash_shutdown, 57P03 cannot_connect_now (starting, stopping, recovering);
 * 53300 too_many_connections.
 */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const PG_MESSAGES = ['Connection terminated', 'Client has encountered a connection error and is not queryable', 'Client was closed and is not queryable'];

interface ErrorLike {
  code?: unknown;
  errorCode?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
  errors?: unknown;
}

/**
 * Why this error means the database could not be reached or dropped the connection (a code
 * such as "57P01" or "ECONNREFUSED"), or null for any other error — a constraint, a bad
 * query, a timeout of our own — which must not be answered as a passing outage.
 */
export function databaseUnavailableReason(error: unknown, depth = 0): string | null {
  if (depth > 4 || typeof error !== 'object' || error === null) return null;
  const e = error as ErrorLike;
  for (const code of [e.code, e.errorCode, e.originalCode]) {
    if (typeof code === 'string' && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code))) return code;
  }
  if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return e.kind;
  const message = e.message;
  if (typeof message === 'string' && PG_MESSAGES.some((words) => message.startsWith(words))) return 'connection-lost';
  const inner = [e.cause, e.meta?.driverAdapterError, ...(Array.isArray(e.errors) ? e.errors : [])];
  for (const candidate of inner) {
    const reason = databaseUnavailableReason(candidate, depth + 1);
    if (reason) return reason;
  }
  return null;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseUnavailableReason(error) !== null;
}

/**
 * Gives such an error a digest, which Next.js keeps instead of hashing its own, so the error
 * page a failed page render lands on can say the database is away (components/errors/error-notice.tsx).
 * Other errors, and errors with a digest already, are returned untouched.
 */
export function markIfDatabaseUnavailable(error: unknown): unknown {
  if (typeof error === 'object' && error !== null && !('digest' in error) && isDatabaseUnavailable(error)) {
    Object.assign(error, { digest: databaseUnavailableDigest(crypto.randomUUID().slice(0, 8)) });
  }
  return error;
}
