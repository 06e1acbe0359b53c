import 'server-only';
import { NextResponse } from 'next/server';
import { ForbiddenError } from '@/server/auth/errors';
import { ConflictError, NotFoundError, PayloadTooLargeError, ValidationError } from '@/server/errors';
import { logServerError, type RequestContext } from './log-error';

// API answers carry personal data, so none may be cached.
const NO_STORE = { 'Cache-Control': 'no-store' } as const;

export function json(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: NO_STORE });
}

/** The request id proxy.ts stamped (a fresh one where no proxy ran, as in tests), with method and path, for answers and logs. */
export function requestContextOf(request: Request): RequestContext {
  return { requestId: request.headers.get('x-request-id') ?? crypto.randomUUID(), method: request.method, path: new URL(request.url).pathname };
}

/**
 * Expected failures answer their message; anything else is logged in full (one line,
 * server/http/log-error.ts) and answered with a short message. Every error answer names
 * the request id, which is also the X-Request-Id header and in the log line.
 */
export function errorResponse(error: unknown, context: RequestContext): NextResponse {
  const { requestId } = context;
  if (error instanceof ValidationError) return json({ message: error.message, fieldErrors: error.fieldErrors, issues: error.issues, requestId }, 400);
  if (error instanceof PayloadTooLargeError) return json({ message: error.message, requestId }, 413);
  if (error instanceof ForbiddenError) return json({ message: 'You do not have permission to do this.', requestId }, 403);
  if (error instanceof NotFoundError) return json({ message: error.message, requestId }, 404);
  if (error instanceof ConflictError) return json({ message: error.message, requestId }, 409);
  logServerError(context, error);
  return json({ message: 'Something went wrong on our side; nothing was changed. Try again, and quote the request id if it keeps happening.', requestId }, 500);
}

