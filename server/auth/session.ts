import 'server-only';
import { getServerSession } from 'next-auth';
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { authOptions } from '@/auth';
import type { Caller } from './caller';
import { ForbiddenError } from './errors';
import type { Permission } from './permissions';
import { requestMetaFromHeaders } from './request-meta';
import { currentRequestScope } from '@/server/http/request-scope';
import { requirePermission } from './require-permission';
import { ACTIVITY_HEADER, BACKGROUND_ACTIVITY } from '@/lib/session-activity';
import { resolveSessionState, type SessionState, type SessionToken, type SignedIn } from './resolve-session';
import { decodeSessionJwt, sessionCookieValue } from './session-jwt';
import type { Activity } from './user-session';

/** A request the browser made on its own (a marked refresh, a router prefetch, the session status poll) is not the user's activity. */
function activityOf(requestHeaders: Headers): Activity {
  const scoped = currentRequestScope()?.activity;
  if (scoped) return scoped;
  if (requestHeaders.get(ACTIVITY_HEADER) === BACKGROUND_ACTIVITY) return 'background';
  if (requestHeaders.has('next-router-prefetch')) return 'background';
  return 'user';
}

/**
 * This request's session, once per request: signed in, ended (idle, absolute limit, logout) or
 * none. Role and active state come from the database on every request, the server-side session
 * is checked and — for user activity — touched (./resolve-session.ts, ./user-session.ts).
 */
export const getSessionState = cache(async (): Promise<SessionState> => {
  const token = await readSessionToken();
  if (!token) return { status: 'none' };
  const requestHeaders = await headers();
  return resolveSessionState(token, requestMetaFromHeaders(requestHeaders), { activity: activityOf(requestHeaders) });
});

/**
 * What the session cookie says — who signed in, when, and which server-side session that
 * started — as getServerSession(authOptions) reads it, without its detour: next-auth's session
 * route re-encrypted the token into a cookie that a server component or route handler cannot
 * set (it was dropped), and built a CSRF token, on every request. Forged, altered or expired: none.
 */
async function readSessionToken(): Promise<SessionToken | null> {
  const secret = authOptions.secret;
  if (!secret) return tokenFromServerSession(); // next-auth then derives a secret of its own (development only)
  const name = authOptions.cookies?.sessionToken?.name ?? 'next-auth.session-token';
  const value = sessionCookieValue((await cookies()).getAll(), name);
  if (!value) return null;
  const payload = await decodeSessionJwt({ token: value, secret }).catch(() => null);
  // As authOptions.callbacks.session maps the token: no uid, no session.
  if (!payload?.uid) return null;
  return { uid: payload.uid, sid: payload.sid, issuedAt: payload.issuedAt ?? 0 };
}

async function tokenFromServerSession(): Promise<SessionToken | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  return { uid: session.user.id, sid: session.user.sid, issuedAt: session.user.issuedAt };
}

/** The signed-in user as a Caller, or null. */
export const getSignedIn = cache(async (): Promise<SignedIn | null> => {
  const state = await getSessionState();
  return state.status === 'signed-in' ? state.signedIn : null;
});

/**
 * The caller for route handlers. A user who must still change an initial password is a
 * caller without any permission (every server function refuses it, recorded), so the one
 * thing its session can do is change the password — and sign out.
 */
export async function getCaller(): Promise<Caller | null> {
  return (await getSignedIn())?.caller ?? null;
}

/** For pages: the caller, or a redirect to the login page (or to the password change it owes first). */
export async function requireCaller(): Promise<Caller> {
  return (await requireSignedIn()).caller;
}

export async function requireSignedIn(): Promise<SignedIn> {
  const state = await getSessionState();
  // The login page says why when a session ran out.
  if (state.status === 'ended' && state.reason !== 'logout') redirect(`/login?ended=${state.reason}`);
  if (state.status !== 'signed-in') redirect('/login');
  const { signedIn } = state;
  if (signedIn.mustChangePassword) redirect('/account/password');
  if (signedIn.totpSetupRequired) redirect('/account/two-factor');
  return signedIn;
}

/** For pages: the caller if allowed; otherwise a recorded denial and a 403 page. */
export async function requirePagePermission(permission: Permission, page: string): Promise<Caller> {
  const caller = await requireCaller();
  try {
    await requirePermission(caller, permission, { type: 'page', id: page });
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
  return caller;
}
