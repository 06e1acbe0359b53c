import 'server-only';
import { NextResponse } from 'next/server';
import { ForbiddenError } from '@/server/auth/errors';
import { ClientClosedRequestError, ConflictError, NotFoundError, PayloadTooLargeError, ValidationError } from '@/server/errors';
import { databaseUnavailableReason } from '@/server/database-unavailable';
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE } from '@/lib/database-unavailable';
import { logServerError, logServerInfo, type RequestContext } from './log-error';
import { requestIdOf } from './request-scope';

const BUSY_MESSAGE = 'The service is busy; try again in a moment.';
const BUSY_RETRY_AFTER_SECONDS = 2;

/** Prisma's P2028 when no connection became free within maxWait (server/db.ts). */
export function isOverCapacity(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = (error as { message?: unknown } | null)?.message;
  return code === 'P2028' && typeof message === 'string' && message.includes('Unable to start a transaction in the given time');
}

// API answers carry personal data, so none may be cached. Nor compressed: `no-transform` keeps
// Next's gzip off them (its compression skips such answers). An answer holding personal data
// beside values the request chose (filters echoed back) is what BREACH-style attacks read through
// TLS by its compressed length; and gzip was a seventh of a queue page's CPU time in the app. A
// proxy in front may still compress what it judges safe.
const NO_STORE = { 'Cache-Control': 'no-store, no-transform' } as const;

export function json(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: NO_STORE });
}

/** The request id (an API request's scope, else the one proxy.ts stamped; a fresh one where neither ran), with method and path, for answers and logs. */
export function requestContextOf(request: Request): RequestContext {
  return { requestId: requestIdOf(request.headers.get('x-request-id')) ?? crypto.randomUUID(), method: request.method, path: new URL(request.url).pathname };
}

/**
 * Expected failures answer their message; a database that cannot be reached answers 503
 * with Retry-After; anything else is logged in full (one line, server/http/log-error.ts)
 * and answered with a short message. Every error answer names the request id, which is
 * also the X-Request-Id header and in the log line.
 */
export function errorResponse(error: unknown, context: RequestContext): NextResponse {
  const { requestId } = context;
  if (error instanceof ValidationError) return json({ message: error.message, fieldErrors: error.fieldErrors, issues: error.issues, requestId }, 400);
  if (error instanceof PayloadTooLargeError) return json({ message: error.message, requestId }, 413);
  if (error instanceof ForbiddenError) return json({ message: 'You do not have permission to do this.', requestId }, 403);
  if (error instanceof NotFoundError) return json({ message: error.message, requestId }, 404);
  if (error instanceof ConflictError) return json({ message: error.message, requestId }, 409);
  if (error instanceof ClientClosedRequestError) {
    // No one reads this answer; a line for whoever counts abandoned requests, not an error.
    logServerInfo(context, { clientClosedRequest: true });
    return json({ message: error.message, requestId }, 499);
  }
  if (isOverCapacity(error)) {
    // Every connection stayed busy while the transaction waited for one: too many requests at
    // once, not a fault of this one. Nothing ran; the client may simply send it again.
    logServerError(context, error, { overCapacity: 'P2028' });
    const response = json({ message: BUSY_MESSAGE, requestId }, 503);
    response.headers.set('Retry-After', String(BUSY_RETRY_AFTER_SECONDS));
    return response;
  }
  const unavailable = databaseUnavailableReason(error);
  if (unavailable) {
    // A restart or failover, not a fault of the request: 503 and when to retry. Whatever the
    // transaction had written was rolled back with the connection (or, if the connection broke
    // during COMMIT, committed whole — a retry then meets the version check).
    logServerError(context, error, { databaseUnavailable: unavailable });
    const response = json({ message: DATABASE_UNAVAILABLE_MESSAGE, requestId }, 503);
    response.headers.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    return response;
  }
  logServerError(context, error);
  return json({ message: 'Something went wrong on our side; nothing was changed. Try again, and quote the request id if it keeps happening.', requestId }, 500);
}

