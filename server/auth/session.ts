import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { authOptions } from '@/auth';
import { db } from '@/server/db';
import type { Caller } from './caller';
import { ForbiddenError } from './errors';
import type { Permission } from './permissions';
import { requestMetaFromHeaders } from './request-meta';
import { requirePermission } from './require-permission';

/**
 * The signed-in user as a Caller, or null. Role and active state come from the
 * database on every request, so a role change or deactivation applies at once, and a
 * JWT issued before the user's sessionsValidAfter (logout) is refused.
 */
export const getSignedIn = cache(async (): Promise<{ caller: Caller; name: string } | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const user = await db().user.findUnique({
    where: { id: session.user.id },
    select: { id: true, email: true, name: true, role: true, active: true, sessionsValidAfter: true },
  });
  if (!user || !user.active) return null;
  if (session.user.issuedAt < user.sessionsValidAfter.getTime()) return null;
  const meta = requestMetaFromHeaders(await headers());
  return { caller: { actorType: 'USER', actorId: user.id, actorLabel: user.email, role: user.role, ...meta }, name: user.name };
});

export async function getCaller(): Promise<Caller | null> {
  return (await getSignedIn())?.caller ?? null;
}

/** For pages: the caller, or a redirect to the login page. */
export async function requireCaller(): Promise<Caller> {
  return (await requireSignedIn()).caller;
}

export async function requireSignedIn(): Promise<{ caller: Caller; name: string }> {
  const signedIn = await getSignedIn();
  if (!signedIn) redirect('/login');
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
