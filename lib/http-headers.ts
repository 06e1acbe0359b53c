// Header values shared by proxy.ts (pages) and next.config.ts (the JSON API, which proxy.ts
// does not run for): plain constants, so the Next.js config can import them.

/** Two years, subdomains included; sent only over HTTPS (RFC 6797 §7.2: ignored, and misleading, over HTTP). */
export const HSTS_VALUE = 'max-age=63072000; includeSubDomains';

/** An API answer is data, never a document: nothing in it may load or run, nor may it be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * X-Forwarded-Proto naming HTTPS as its first value (the client's hop), as a Next.js `has`
 * pattern (anchored at both ends) — servedOverHttps() (server/http/security-headers.ts) in a regex.
 */
export const FORWARDED_HTTPS_PATTERN = '\\s*[Hh][Tt][Tt][Pp][Ss]\\s*(,.*)?';
