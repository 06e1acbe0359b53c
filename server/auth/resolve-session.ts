import 'server-only';
import { db } from '@/server/db';
import type { RequestMeta } from './authenticate';
import type { Caller } from './caller';

export interface SignedIn {
  caller: Caller;
  name: string;
  /** An initial password still to be replaced: nothing but the password change is allowed. */
  mustChangePassword: boolean;
}

/**
 * The user a session token names, as a Caller, or null. Role, active state and the password
 * obligation come from the database on every request, so a role change or deactivation applies
 * at once; a token issued before the user's sessionsValidAfter (logout, role change,
 * deactivation, password change) is refused.
 */
export async function resolveSession(token: { uid: string; issuedAt: number }, meta: RequestMeta): Promise<SignedIn | null> {
  const user = await db().user.findUnique({
    where: { id: token.uid },
    select: { id: true, email: true, name: true, role: true, active: true, sessionsValidAfter: true, mustChangePassword: true },
  });
  if (!user || !user.active) return null;
  if (token.issuedAt < user.sessionsValidAfter.getTime()) return null;
  const caller: Caller = { actorType: 'USER', actorId: user.id, actorLabel: user.email, role: user.role, ...meta };
  // Such a caller holds no permission (require-permission.ts) until the password is changed.
  if (user.mustChangePassword) caller.passwordChangeRequired = true;
  return { caller, name: user.name, mustChangePassword: user.mustChangePassword };
}
