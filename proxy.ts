import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import {
  CROSS_SITE_PATH_HEADER,
  CROSS_SITE_REASON_HEADER,
  CROSS_SITE_REFUSAL_PATH,
  crossSiteReasonOf,
  hasSessionCookie,
} from '@/server/http/same-origin';
import { contentSecurityPolicy, HSTS_VALUE, newNonce, servedOverHttps } from '@/server/http/security-headers';

// Runs on every request but static files and the JSON API (/api/v1). It stamps a request id
// (for the access log, the logs and error messages) and this response's CSP nonce, refuses
// cross-site requests to pages (server actions), and sends visitors without a session cookie
// to the login page — a convenience: authorization happens in server/. The API does all of
// that itself (server/http/api-route.ts: the origin check, recorded refusals; request-scope.ts:
// its request id; next.config.ts: its CSP and HSTS): running this for it cost each API
// request 0.5 ms of the server's CPU, a sixth of a queue page's (scripts/bench/README.md).
const PUBLIC_PATHS = ['/login', '/api/auth'];

export function proxy(request: NextRequest) {
  const requestId = crypto.randomUUID();
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { development: env().NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  // Only this function may say why a request is refused, or what the nonce is.
  headers.delete(CROSS_SITE_REASON_HEADER);
  headers.delete(CROSS_SITE_PATH_HEADER);
  headers.set('x-request-id', requestId);
  headers.set('x-nonce', nonce);
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  headers.set('content-security-policy', csp);

  const path = request.nextUrl.pathname;
  const isApi = path.startsWith('/api/');
  const isPublic = PUBLIC_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  const reason = isApi ? null : crossSiteReasonOf(request, env().NEXTAUTH_URL);

  let response: NextResponse;
  if (reason) {
    headers.set(CROSS_SITE_REASON_HEADER, reason);
    headers.set(CROSS_SITE_PATH_HEADER, path);
    response = NextResponse.rewrite(new URL(CROSS_SITE_REFUSAL_PATH, request.url), { request: { headers } });
  } else if (!isPublic && !isApi && !hasSessionCookie(request.headers.get('cookie'))) {
    const login = new URL('/login', request.url);
    if (path !== '/') login.searchParams.set('callbackUrl', path);
    response = NextResponse.redirect(login);
    response.headers.set('Cache-Control', 'no-store');
  } else {
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('X-Request-Id', requestId);
  if (servedOverHttps(request.url, request.headers.get('x-forwarded-proto'))) response.headers.set('Strict-Transport-Security', HSTS_VALUE);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/v1/).*)'],
};
