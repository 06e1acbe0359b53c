import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import type { Caller } from '@/server/auth/caller';
import { recordAccessEvent } from '@/server/access-log/record';
import { callerFromToken } from '@/server/api-tokens/authenticate-token';
import { requestMetaFromHeaders } from '@/server/auth/request-meta';
import { getCaller, getSessionState } from '@/server/auth/session';
import { db } from '@/server/db';
import { NotFoundError, PayloadTooLargeError, ValidationError, type InputIssue } from '@/server/errors';
import { env } from '@/lib/env';
import { unstorableTextPath } from '@/lib/storable-values';
import { refuseCrossSite } from './cross-site-refusal';
import { errorResponse, json, requestContextOf } from './error-response';
import type { RequestContext } from './log-error';
import { passGate, type RouteGate } from './route-gate';
import { crossSiteReasonOf } from './same-origin';

// Route handlers are public endpoints: each one resolves its caller here, and server/
// checks the permission again. Answers carry personal data, so none may be cached
// (json and errorResponse live in ./error-response.ts).
export { json };

/** Field errors keyed by the first path segment, the first message per field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Every issue with its full path, for machines: `travellers.3.dateOfBirth`. */
export function inputIssuesOf(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** The default body limit; endpoints that take batches or files pass their own. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

const NUL_MESSAGE = 'The request holds a NUL character (U+0000), which cannot be stored. Remove it and send again.';
const UNSTORABLE_MESSAGE = 'Holds a character that cannot be stored (U+0000, or half of a surrogate pair). Remove it and send again.';

/**
 * Reads the body as text, refusing (413) one larger than maxBytes — by its declared
 * length before reading, or while streaming when it declares none — so an oversized
 * request never sits in memory whole; and (400) one holding U+0000, which no text
 * column stores (lib/storable-values.ts).
 */
export async function readText(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new PayloadTooLargeError(maxBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new PayloadTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.includes('\u0000')) throw new ValidationError(NUL_MESSAGE);
  return text;
}

/** Parses a JSON body with a schema; a bad body is a ValidationError (400) and changes nothing. */
export async function readBody<T>(request: Request, schema: z.ZodType<T>, options: { maxBytes?: number } = {}): Promise<T> {
  const text = await readText(request, options.maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ValidationError('The request body is not valid JSON.');
  }
  // JSON may spell U+0000 and lone surrogates as escapes: refused wherever they are, before any of it reaches a query.
  const unstorableAt = unstorableTextPath(body);
  if (unstorableAt !== null) {
    throw new ValidationError('Some fields need your attention.', { [unstorableAt.split('.')[0] || 'form']: UNSTORABLE_MESSAGE }, [{ path: unstorableAt, message: UNSTORABLE_MESSAGE }]);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ValidationError('Some fields need your attention.', fieldErrorsOf(parsed.error), inputIssuesOf(parsed.error));
  return parsed.data;
}

/** Parses a route parameter; an invalid one answers 404, as for a record that does not exist. */
export function readParam<T>(value: string, schema: z.ZodType<T>, what = 'record'): T {
  // No record is named with U+0000 (no text column holds it): not found, without asking the database.
  const parsed = value.includes('\u0000') ? null : schema.safeParse(value);
  if (!parsed?.success) throw new NotFoundError(`This ${what} does not exist.`);
  return parsed.data;
}

/** A handler's answer when it decides the status or headers itself (ingestion, replays). */
export class Answer {
  constructor(
    readonly body: unknown,
    readonly status = 200,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {}
}

type Handler<P> = (context: { caller: Caller; request: Request; params: P }) => Promise<unknown>;

/**
 * The caller: an API token when the request presents one (a wrong one is refused even
 * if a session cookie came along), else the signed-in user, else null.
 */
async function resolveCaller(request: Request): Promise<Caller | null> {
  const authorization = request.headers.get('authorization');
  if (authorization === null) return getCaller();
  const secret = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] ?? '';
  return callerFromToken(secret, requestMetaFromHeaders(request.headers));
}

/** An API request with neither session nor token is a failed access attempt too (a bad token is recorded where it is checked). */
async function recordUnauthenticated(request: Request): Promise<void> {
  const meta = requestMetaFromHeaders(request.headers);
  await db().$transaction((tx) =>
    recordAccessEvent(tx, { actorType: 'ANONYMOUS', actorId: null, actorLabel: 'anonymous', role: null, ...meta }, {
      operation: 'LOGIN_FAILED',
      outcome: 'FAILED',
      resourceType: 'api',
      resourceId: `${request.method} ${new URL(request.url).pathname}`.slice(0, 300),
      details: { reason: 'no-session-or-token' },
    }),
  );
}

const UNAUTHENTICATED = {
  session: 'You are not signed in.',
  token: 'The API token is missing, malformed, unknown, revoked or expired.',
};

/**
 * Wraps a route handler: a state-changing request with a session cookie from another
 * site 403 (recorded), 401 without a session or valid token, expected errors as JSON
 * answers, the request id in X-Request-Id, no-store always.
 */
interface RouteOptions<P> {
  status?: number;
  /** Answer as a file with this name. */
  download?: (params: P) => string;
  /** Checked before the handler reads the body (./route-gate.ts). */
  requires?: RouteGate<P>;
}

export function apiRoute<P = Record<string, never>>(handler: Handler<P>, options: RouteOptions<P> = {}) {
  return async (request: Request, context: { params: Promise<P> }): Promise<NextResponse> => {
    const requestContext = requestContextOf(request);
    const response = await answer(handler, options, request, context, requestContext);
    response.headers.set('X-Request-Id', requestContext.requestId);
    return response;
  };
}

async function answer<P>(
  handler: Handler<P>,
  options: RouteOptions<P>,
  request: Request,
  context: { params: Promise<P> },
  requestContext: RequestContext,
): Promise<NextResponse> {
  try {
    const crossSite = crossSiteReasonOf(request, env().NEXTAUTH_URL);
    if (crossSite) return await refuseCrossSite(request, crossSite, await getCaller().catch(() => null), { requestId: requestContext.requestId });
    const caller = await resolveCaller(request);
    if (!caller) {
      if (!request.headers.has('authorization')) await recordUnauthenticated(request);
      // A session that ran out says why, so the browser can send its user to sign in again with a notice.
      const state = request.headers.has('authorization') ? null : await getSessionState();
      const sessionEnded = state?.status === 'ended' ? state.reason : undefined;
      const response = json(
        { message: request.headers.has('authorization') ? UNAUTHENTICATED.token : UNAUTHENTICATED.session, ...(sessionEnded ? { sessionEnded } : {}), requestId: requestContext.requestId },
        401,
      );
      response.headers.set('WWW-Authenticate', 'Bearer');
      return response;
    }
    const params = await context.params;
    if (options.requires) await passGate(caller, options.requires, params);
    const result = await handler({ caller, request, params });
    const response = result instanceof Answer ? json(result.body, result.status) : json(result, options.status ?? 200);
    if (result instanceof Answer) for (const [name, value] of Object.entries(result.headers)) response.headers.set(name, value);
    if (options.download) response.headers.set('Content-Disposition', `attachment; filename="${options.download(params)}"`);
    return response;
  } catch (error) {
    return errorResponse(error, requestContext);
  }
}

/**
 * For handlers that answer files rather than JSON (./stream-download.ts,
 * server/metrics/metrics-file-response.ts): the caller — token or session, as apiRoute
 * resolves it — or a 401 answer, the attempt recorded as apiRoute records it.
 */
export async function authenticateApiRequest(
  request: Request,
  requestContext: RequestContext,
): Promise<{ caller: Caller; refusal?: undefined } | { caller?: undefined; refusal: NextResponse }> {
  const caller = await resolveCaller(request);
  if (caller) return { caller };
  if (!request.headers.has('authorization')) await recordUnauthenticated(request);
  const refusal = json({ message: request.headers.has('authorization') ? UNAUTHENTICATED.token : UNAUTHENTICATED.session, requestId: requestContext.requestId }, 401);
  refusal.headers.set('WWW-Authenticate', 'Bearer');
  return { refusal };
}
