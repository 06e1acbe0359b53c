import 'server-only';
import { hkdfSync, randomUUID } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import type { JWT, JWTDecodeParams, JWTEncodeParams } from 'next-auth/jwt';

// next-auth v4's session JWT (encrypted with A256GCM under a key derived from the secret by
// HKDF), in the same format and with the same library next-auth uses (jose), so tokens pass
// both ways — but the key is derived once per secret instead of twice per request: the
// derivation was the costliest step of reading a session. Used as authOptions.jwt and by
// server/auth/session.ts to read the session cookie.

const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;

let cached: { secret: string | Buffer; salt: string; key: Uint8Array } | undefined;

/** next-auth's getDerivedEncryptionKey(secret, salt): HKDF-SHA256, 32 bytes. */
export function sessionEncryptionKey(secret: string | Buffer, salt = ''): Uint8Array {
  const same = cached && cached.salt === salt && (typeof secret === 'string' ? cached.secret === secret : Buffer.isBuffer(cached.secret) && secret.equals(cached.secret));
  if (cached && same) return cached.key;
  const key = new Uint8Array(hkdfSync('sha256', secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ''}`, 32));
  cached = { secret, salt, key };
  return key;
}

/** next-auth's jwt.encode. */
export async function encodeSessionJwt({ token = {}, secret, maxAge = DEFAULT_MAX_AGE, salt = '' }: JWTEncodeParams): Promise<string> {
  const now = (Date.now() / 1000) | 0;
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(now + maxAge)
    .setJti(randomUUID())
    .encrypt(sessionEncryptionKey(secret, salt));
}

/** next-auth's jwt.decode: the payload, or a throw for a token that is forged, altered or expired. */
export async function decodeSessionJwt({ token, secret, salt = '' }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, sessionEncryptionKey(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}

/**
 * The session token from the request's cookies, as next-auth's SessionStore reads it: every
 * cookie whose name starts with the session cookie's, in the order of their chunk numbers, joined.
 */
export function sessionCookieValue(cookies: readonly { name: string; value: string }[], cookieName: string): string {
  const chunks: Record<string, string> = {};
  for (const { name, value } of cookies) if (name.startsWith(cookieName)) chunks[name] = value;
  const suffix = (name: string) => parseInt(name.split('.').pop() ?? '0');
  return Object.keys(chunks)
    .sort((a, b) => suffix(a) - suffix(b))
    .map((name) => chunks[name])
    .join('');
}
