import 'server-only';

// Cross-site request refusal (ASVS V3.5): a browser sends the session cookie with any
// request to this site, whoever's page started it, so a state-changing request that
// carries the cookie must prove it came from our own pages. Browsers send `Origin` on
// every POST, PUT, PATCH and DELETE (and `Sec-Fetch-Site`), and a page cannot forge
// either. Pure functions: proxy.ts and server/http/api-route.ts share them.

export type CrossSiteReason = 'origin-null' | 'origin-foreign' | 'origin-missing';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** next-auth's session cookie names; a large JWT is split into `.0`, `.1` … chunks. */
const SESSION_COOKIE_PREFIXES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

export interface RequestFacts {
  method: string;
  /** The Origin header as sent (`null` when absent; the string "null" from sandboxed or opaque origins). */
  origin: string | null;
  secFetchSite: string | null;
  hasSessionCookie: boolean;
  hasBearerToken: boolean;
  /** The origins this app is served at (see ownOrigins). */
  ownOrigins: readonly string[];
}

/**
 * Why a request must be refused as cross-site, or null when it may proceed. Safe methods
 * and requests without a session cookie (a machine's Bearer token, or nobody: answered
 * 401 elsewhere) pass; with the cookie, Origin must be one of ours. A missing Origin
 * passes only for a Bearer request (the token, not the cookie, authenticates it, and a
 * page cannot add an Authorization header to another site's request) or when the
 * browser itself vouches with `Sec-Fetch-Site: same-origin`.
 */
export function crossSiteReason(facts: RequestFacts): CrossSiteReason | null {
  if (SAFE_METHODS.has(facts.method.toUpperCase())) return null;
  if (!facts.hasSessionCookie) return null;
  if (facts.origin === null) {
    if (facts.hasBearerToken || facts.secFetchSite === 'same-origin') return null;
    return 'origin-missing';
  }
  if (facts.origin === 'null') return 'origin-null';
  return facts.ownOrigins.includes(facts.origin) ? null : 'origin-foreign';
}

/** True when a Cookie header holds a next-auth session cookie (or a chunk of one). */
export function hasSessionCookie(cookieHeader: string | null): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(';').some((pair) => {
    const name = pair.split('=')[0]?.trim() ?? '';
    return SESSION_COOKIE_PREFIXES.some((prefix) => name === prefix || name.startsWith(`${prefix}.`));
  });
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * The origins the app is served at: NEXTAUTH_URL's, and the one the request was addressed
 * to (its Host header, with the scheme a TLS-terminating proxy reports). A browser sets
 * Host itself, so a cross-site page cannot make the two agree.
 */
export function ownOrigins(requestUrl: string, headers: Headers, publicUrl: string | undefined): string[] {
  const origins = new Set<string>();
  const configured = originOf(publicUrl);
  if (configured) origins.add(configured);
  const url = new URL(requestUrl);
  const forwardedProto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  const scheme = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : url.protocol.replace(':', '');
  const host = headers.get('host') ?? url.host;
  const addressed = originOf(`${scheme}://${host}`);
  if (addressed) origins.add(addressed);
  return [...origins];
}

/** The decision for a whole request. */
export function crossSiteReasonOf(request: Request, publicUrl: string | undefined): CrossSiteReason | null {
  const headers = request.headers;
  return crossSiteReason({
    method: request.method,
    origin: headers.get('origin'),
    secFetchSite: headers.get('sec-fetch-site'),
    hasSessionCookie: hasSessionCookie(headers.get('cookie')),
    hasBearerToken: /^Bearer\s+\S+/i.test(headers.get('authorization') ?? ''),
    ownOrigins: ownOrigins(request.url, headers, publicUrl),
  });
}

/**
 * proxy.ts refuses cross-site requests to pages (server actions) by rewriting them to
 * this route handler, which records the refusal; the reason travels in this request
 * header, which proxy.ts strips from every incoming request so only it can set it.
 */
export const CROSS_SITE_REFUSAL_PATH = '/api/internal/cross-site-refusal';
export const CROSS_SITE_REASON_HEADER = 'x-proportio-cross-site-reason';
export const CROSS_SITE_PATH_HEADER = 'x-proportio-cross-site-path';

export function isCrossSiteReason(value: string | null): value is CrossSiteReason {
  return value === 'origin-null' || value === 'origin-foreign' || value === 'origin-missing';
}
