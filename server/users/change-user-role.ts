import 'server-only';
import type { ChangeUserRoleInput, UserView } from '@/lib/schemas/user';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { denyAccess, requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { toUserView, userSelect } from './user-view';

/**
 * Changes another user's role and ends their sessions (sessionsValidAfter = now), so the change
 * applies from their very next request. Nobody changes their own role — another administrator
 * must — refused with a DENIED event. The change is an ALTERATION event in the same transaction.
 */
export async function changeUserRole(caller: Caller, userId: string, input: ChangeUserRoleInput, now = new Date()): Promise<UserView> {
  await requirePermission(caller, 'users.manage', { type: 'user', id: userId });
  if (userId === caller.actorId) await denyAccess(caller, { type: 'user', id: userId }, 'own-role');
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!before) throw new NotFoundError('This user does not exist.');
    if (before.role === input.role) return toUserView(await tx.user.findUniqueOrThrow({ where: { id: userId }, select: userSelect }), now);
    const row = await tx.user.update({ where: { id: userId }, data: { role: input.role, sessionsValidAfter: now }, select: userSelect });
    await recordAccessEvent(tx, caller, {
      operation: 'ALTERATION',
      resourceType: 'user',
      resourceId: userId,
      purpose: 'Role changed',
      details: { email: row.email, from: before.role, to: row.role, sessionsEnded: true },
    });
    return toUserView(row, now);
  });
}
