import type { NextConfig } from 'next';

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
    // proxy.ts runs on every request and Next buffers at most this much of a body for it,
    // cutting the rest silently (default 10 MB). Above the largest body an endpoint takes
    // (40 MB of external hits), so each endpoint's own limit answers 413 instead.
    proxyClientMaxBodySize: '48mb',
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
    ];
  },
};

export default nextConfig;
