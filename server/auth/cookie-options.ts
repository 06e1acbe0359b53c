import 'server-only';
import type { NextAuthOptions } from 'next-auth';

/**
 * next-auth's cookies, stated rather than inherited: HttpOnly (scripts never read the
 * session), SameSite=Lax (not sent on another site's POST, sent when a link is followed),
 * and Secure with the __Secure-/__Host- prefixes whenever the public URL is HTTPS — as it
 * must be in production. Spread into authOptions: `...cookieOptions(env().NEXTAUTH_URL)`.
 */
export function cookieOptions(publicUrl: string | undefined): Pick<NextAuthOptions, 'useSecureCookies' | 'cookies'> {
  const secure = publicUrl?.startsWith('https://') ?? false;
  return {
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: `${secure ? '__Secure-' : ''}next-auth.session-token`,
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure },
      },
    },
  };
}
