import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { Role } from '@/generated/prisma/enums';
import { DATABASE_UNAVAILABLE_MESSAGE } from '@/lib/database-unavailable';
import { env } from '@/lib/env';
import { authenticate } from '@/server/auth/authenticate';
import { cookieOptions } from '@/server/auth/cookie-options';
import { decodeSessionJwt, encodeSessionJwt } from '@/server/auth/session-jwt';
import { logout } from '@/server/auth/logout';
import { requestMetaFromHeaders } from '@/server/auth/request-meta';
import { isDatabaseUnavailable } from '@/server/database-unavailable';

declare module 'next-auth' {
  interface User {
    role: Role;
    /** The server-side session this sign-in started (server/auth/user-session.ts). */
    sessionId: string;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: Role; issuedAt: number; sid?: string };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    role?: Role;
    // Milliseconds, unlike iat: compared with User.sessionsValidAfter to end sessions server-side.
    issuedAt?: number;
    // The server-side session: checked, touched and ended there (idle, absolute limit, logout).
    sid?: string;
  }
}

// next-auth v4 with JWT sessions. The JWT only says who signed in, when, and which server-side
// session that started; every request re-reads role and active state from the database and
// checks that session's idle and absolute limits (server/auth/session.ts).
export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: env().SESSION_MAX_AGE },
  // next-auth's own token format, with the encryption key derived once rather than on every call.
  jwt: { encode: encodeSessionJwt, decode: decodeSessionJwt },
  pages: { signIn: '/login', error: '/login' },
  // HttpOnly, SameSite=Lax, and Secure (with the __Secure- prefix) when served over HTTPS: written out, not left to defaults.
  ...cookieOptions(env().NEXTAUTH_URL),
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      // `code`: the second step when two-step sign-in (TOTP) is on; the form asks for it once told so.
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' }, code: { label: 'Code', type: 'text' } },
      async authorize(credentials, req) {
        const result = await authenticate(credentials, requestMetaFromHeaders(req.headers ?? {})).catch((error: unknown) => {
          // next-auth hands a thrown message to the form as it is: a lost database in a sentence, not in Prisma's words.
          if (isDatabaseUnavailable(error)) throw new Error(DATABASE_UNAVAILABLE_MESSAGE);
          throw error;
        });
        // A thrown message reaches the login form as `error`; it is the same for every failure.
        if (!result.ok) throw new Error(result.message);
        return result.user;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.issuedAt = Date.now();
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.uid ?? '',
        email: token.email ?? '',
        name: token.name ?? '',
        role: token.role ?? 'ANALYST',
        issuedAt: token.issuedAt ?? 0,
        sid: token.sid,
      };
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.uid) await logout(token.uid, token.sid, { requestId: crypto.randomUUID(), ip: null, userAgent: null });
    },
  },
};
