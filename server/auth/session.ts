import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { authOptions } from '@/auth';
import type { Caller } from './caller';
import { ForbiddenError } from './errors';
import type { Permission } from './permissions';
import { requestMetaFromHeaders } from './request-meta';
import { requirePermission } from './require-permission';
import { resolveSession, type SignedIn } from './resolve-session';

/**
 * The signed-in user as a Caller, or null. Role and active state come from the
 * database on every request, so a role change or deactivation applies at once, and a
 * JWT issued before the user's sessionsValidAfter is refused (./resolve-session.ts).
 */
export const getSignedIn = cache(async (): Promise<SignedIn | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  return resolveSession({ uid: session.user.id, issuedAt: session.user.issuedAt }, requestMetaFromHeaders(await headers()));
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
  const signedIn = await getSignedIn();
  if (!signedIn) redirect('/login');
  if (signedIn.mustChangePassword) redirect('/account/password');
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
