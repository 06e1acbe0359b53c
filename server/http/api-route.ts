import 'server-only';
import { NextResponse } from 'next/server';
import type { Caller } from '@/server/auth/caller';
import type { Activity } from '@/server/auth/user-session';
import { recordAccessEvent } from '@/server/access-log/record';
import { callerFromToken } from '@/server/api-tokens/authenticate-token';
import { requestMetaFromHeaders } from '@/server/auth/request-meta';
import { getCaller, getSessionState } from '@/server/auth/session';
import { db } from '@/server/db';
import { env } from '@/lib/env';
import { refuseCrossSite } from './cross-site-refusal';
import { errorResponse, json, requestContextOf } from './error-response';
import type { RequestContext } from './log-error';
import { answerInScope } from './request-scope';
import { passGate, type RouteGate } from './route-gate';
import { crossSiteReasonOf } from './same-origin';

// Route handlers are public endpoints: each one resolves its caller here, and server/
// checks the permission again. Answers carry personal data, so none may be cached
// (json and errorResponse live in ./error-response.ts).
export { json };
// Reading the request (body, parameters) lives in ./read-request.ts; handlers import it from here.
export { DEFAULT_MAX_BODY_BYTES, fieldErrorsOf, inputIssuesOf, readBody, readParam, readText } from './read-request';

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
 * answers, the request id (./request-scope.ts) in X-Request-Id, no-store always.
 */
interface RouteOptions<P> {
  status?: number;
  /** Answer as a file with this name. */
  download?: (params: P) => string;
  /** Checked before the handler reads the body (./route-gate.ts). */
  requires?: RouteGate<P>;
  /** 'background': the request never extends the session (the session status poll; proxy.ts does not run for the API). */
  activity?: Activity;
}

export function apiRoute<P = Record<string, never>>(handler: Handler<P>, options: RouteOptions<P> = {}) {
  return (request: Request, context: { params: Promise<P> }): Promise<NextResponse> =>
    answerInScope(() => answer(handler, options, request, context, requestContextOf(request)), { activity: options.activity });
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
