import type { NextConfig } from 'next';
import { API_CONTENT_SECURITY_POLICY, FORWARDED_HTTPS_PATTERN, HSTS_VALUE } from './lib/http-headers';

// Baseline headers; the nonce-based Content-Security-Policy comes with the security work.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
];

const nextConfig: NextConfig = {
  // forbidden() answers 403 from the server when a role may not use a page.
  experimental: {
    authInterrupts: true,
  },
  // Prisma's driver adapter and argon2's native binding stay outside the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'pg', '@prisma/adapter-pg'],
  poweredByHeader: false,
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // Pages and API answers may carry personal data: never cache them anywhere.
      { source: '/((?!_next/static|_next/image).*)', headers: [{ key: 'Cache-Control', value: 'no-store' }] },
      // API answers are not gzipped either (this rule, matching later, wins): see server/http/error-response.ts.
      { source: '/api/:path*', headers: [{ key: 'Cache-Control', value: 'no-store, no-transform' }] },
      // proxy.ts, which gives pages their CSP and HSTS, does not run for the JSON API (its matcher).
      { source: '/api/v1/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }] },
      {
        source: '/api/v1/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: FORWARDED_HTTPS_PATTERN }],
        headers: [{ key: 'Strict-Transport-Security', value: HSTS_VALUE }],
      },
    ];
  },
};

export default nextConfig;
