import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // forbidden() answers 403 from the server when a role may not use a page.
  experimental: { authInterrupts: true },
  // Prisma's driver adapter and argon2's native binding must stay outside the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'pg', '@prisma/adapter-pg'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
