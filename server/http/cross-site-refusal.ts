import 'server-only';
import { NextResponse } from 'next/server';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { requestMetaFromHeaders } from '@/server/auth/request-meta';
import { db } from '@/server/db';
import type { CrossSiteReason } from './same-origin';
import { requestIdOf } from './request-scope';

export const CROSS_SITE_MESSAGE = 'This request was refused: it did not come from a Proportio page. Reload the page and try again.';


/**
 * Refuses a cross-site request: a DENIED access event (resource 'request', the reason,
 * method and path — never the cookies) and a 403 JSON answer with the request id. The
 * actor is the cookie's user when the session is valid (so repeated refusals count
 * against them in the anomaly rules), else anonymous.
 */
export async function refuseCrossSite(
  request: Request,
  reason: CrossSiteReason,
  user: Caller | null,
  options: { path?: string; requestId?: string } = {},
): Promise<NextResponse> {
  const actor = user ?? { actorType: 'ANONYMOUS', actorId: null, actorLabel: 'anonymous', role: null, ...requestMetaFromHeaders(request.headers) };
  const path = options.path ?? new URL(request.url).pathname;
  const method = request.method.toUpperCase();
  await db().$transaction((tx) =>
    recordAccessEvent(tx, actor, {
      operation: 'DENIED',
      outcome: 'DENIED',
      resourceType: 'request',
      resourceId: `${method} ${path}`.slice(0, 300),
      details: { reason, method, path: path.slice(0, 300) },
    }),
  );
  const requestId = options.requestId ?? requestIdOf(request.headers.get('x-request-id')) ?? actor.requestId;
  return NextResponse.json({ message: CROSS_SITE_MESSAGE, requestId }, { status: 403, headers: { 'Cache-Control': 'no-store', 'X-Request-Id': requestId } });
}
