import 'server-only';

// The headers proxy.ts puts on every answer it passes (next.config.ts adds the fixed ones:
// X-Content-Type-Options, Referrer-Policy, X-Frame-Options, Permissions-Policy, Cache-Control).
// Pure functions, so the policy itself is unit-tested.

/** A fresh, unguessable nonce (128 random bits, base64) for one response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

/**
 * sonner (the toaster) inserts its stylesheet as an inline <style> element without a
 * nonce when it loads — first empty, then with its text; these are the SHA-256 of
 * exactly that text and of the empty string, allowed by hash rather than by
 * 'unsafe-inline'. security-headers.test.ts recomputes the first from the installed
 * sonner, so an upgrade that changes the text fails there, not silently in browsers.
 */
export const SONNER_STYLE_HASH = "'sha256-StEaX+se6YS7pqjzrzMIA0KaX9zF/8zAhvQXZAe5epY='";
export const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/**
 * The Content-Security-Policy for one response. Scripts run only with this response's
 * nonce (Next.js reads it from the request's CSP header and stamps its own scripts) and
 * what they load ('strict-dynamic'). Style elements need the nonce too (or are sonner's,
 * by hash); style attributes are allowed inline (style-src-attr) because React renders
 * `style={…}` props (Radix popovers' positions, Recharts, indentation) into the HTML,
 * and a style attribute cannot run script or load anything the other directives refuse.
 * In development React needs eval for its error overlay and Next injects unnonced styles.
 * (No eval in production: zod's probe for it is switched off in components/providers.tsx.)
 */
export function contentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  const dev = options.development === true;
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", ...(dev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`, SONNER_STYLE_HASH, EMPTY_STYLE_HASH])],
    ['style-src-attr', "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['frame-ancestors', "'none'"],
    ['form-action', "'self'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

export { HSTS_VALUE } from '@/lib/http-headers';

/**
 * Whether the request reached us over HTTPS: directly (the request URL), or through a
 * TLS-terminating proxy that says so in X-Forwarded-Proto (its first value: the client's hop).
 */
export function servedOverHttps(requestUrl: string, forwardedProto: string | null): boolean {
  const first = forwardedProto?.split(',')[0]?.trim().toLowerCase();
  if (first) return first === 'https';
  return new URL(requestUrl).protocol === 'https:';
}
