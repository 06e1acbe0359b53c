import 'server-only';
import { getCaller } from '@/server/auth/session';
import { NotFoundError } from '@/server/errors';
import { refuseCrossSite } from './cross-site-refusal';
import { errorResponse, requestContextOf } from './error-response';
import { CROSS_SITE_PATH_HEADER, CROSS_SITE_REASON_HEADER, isCrossSiteReason } from './same-origin';

/** The route proxy.ts rewrites refused page requests (server actions) to; without its mark, nothing is here. */
export async function refusalFromProxy(request: Request): Promise<Response> {
  const reason = request.headers.get(CROSS_SITE_REASON_HEADER);
  // Like every error answer: a message and the request id (issue 9: users see a short message and a request id).
  if (!isCrossSiteReason(reason)) return errorResponse(new NotFoundError('Not found.'), requestContextOf(request));
  return refuseCrossSite(request, reason, await getCaller().catch(() => null), { path: request.headers.get(CROSS_SITE_PATH_HEADER) ?? undefined });
}
