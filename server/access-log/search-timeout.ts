import 'server-only';
import { ValidationError } from '@/server/errors';
import type { Tx } from '@/server/db';
import type { AccessLogFilter } from './access-event-view';

/**
 * How long one statement of a search may run. A search is read through an index in the
 * log's order and stops after a page, but a filter that no index serves and that matches
 * rarely (a purpose no event has, an outcome or operation rare for the user named) can walk
 * much of the log; it is stopped here and answered with advice, not left to outlive its
 * transaction and fail as a 500.
 */
export const SEARCH_STATEMENT_TIMEOUT_MS = 4_000;
/** The search's transaction: room for the stopped statement and the rest of the request. */
export const SEARCH_TRANSACTION_TIMEOUT_MS = 10_000;

export const SEARCH_TOO_BROAD_MESSAGE =
  'This search took too long and was stopped. Narrow it: a shorter time range, a user or a person, or fewer rare filters at once.';

/** A search stopped by its time limit (400: the same search would be stopped again). */
export class SearchTooBroadError extends ValidationError {
  constructor() {
    super(SEARCH_TOO_BROAD_MESSAGE);
    this.name = 'SearchTooBroadError';
  }
}

/**
 * Whether an index reads this search's page in order and stops after it: a person (few events
 * each, (travellerId, at)), or at most one user or one operation ((actorId, at), (operation, at))
 * and a time range ((at)), nothing else. Any other search may have to walk past many events
 * that do not match.
 */
export function indexBounded(filter: AccessLogFilter): boolean {
  if (filter.travellerIds) return true;
  if (filter.outcome || filter.purpose || filter.actorLabel !== undefined) return false;
  return (filter.actorIds?.length ?? 0) <= 1 && !(filter.actorIds && filter.operation);
}

/** Limits the rest of the transaction's statements, unless the search is index-bounded (one round trip saved). */
export async function limitSearchTime(tx: Tx, filter: AccessLogFilter): Promise<void> {
  if (indexBounded(filter)) return;
  await tx.$executeRaw`SELECT set_config('statement_timeout', ${String(SEARCH_STATEMENT_TIMEOUT_MS)}, true)`;
}

interface ErrorLike {
  code?: unknown;
  originalCode?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
}

/** PostgreSQL's query_canceled (57014) however deep the adapter put it, or a transaction that expired. */
function stoppedByTimeLimit(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const e = error as ErrorLike;
  if (e.code === '57014' || e.originalCode === '57014') return true;
  if (depth === 0 && typeof e.message === 'string' && /Transaction already closed|expired transaction/.test(e.message)) return true;
  return stoppedByTimeLimit(e.cause, depth + 1) || stoppedByTimeLimit(e.meta?.driverAdapterError, depth + 1);
}

/** The error to throw for a failed search: SearchTooBroadError for one stopped by its time limit, else the error itself. */
export function searchTooBroad(error: unknown): unknown {
  return stoppedByTimeLimit(error) ? new SearchTooBroadError() : error;
}
