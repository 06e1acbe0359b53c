import { NextResponse, type NextRequest } from 'next/server';

// Convenience only: sends visitors without a session cookie to the login page and
// stamps a request id for the access log. Authorization happens in server/.
const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];
const PUBLIC_PATHS = ['/login', '/api/auth'];

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set('x-request-id', crypto.randomUUID());
  const path = request.nextUrl.pathname;
  const isPublic = PUBLIC_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!isPublic && !hasSession && !path.startsWith('/api/')) {
    const login = new URL('/login', request.url);
    if (path !== '/') login.searchParams.set('callbackUrl', path);
    return NextResponse.redirect(login);
  }
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
