import 'server-only';
import type { UserView } from '@/lib/schemas/user';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { denyAccess, requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';
import { toUserView, userSelect } from './user-view';

/**
 * Deactivates or reactivates another user. Deactivation ends their sessions at once
 * (sessionsValidAfter = now; an inactive user cannot sign in). Nobody deactivates themselves —
 * refused with a DENIED event. An ALTERATION event in the same transaction; 409 when the
 * account is already in that state.
 */
export async function setUserActive(caller: Caller, userId: string, active: boolean, now = new Date()): Promise<UserView> {
  await requirePermission(caller, 'users.manage', { type: 'user', id: userId });
  if (userId === caller.actorId) await denyAccess(caller, { type: 'user', id: userId }, active ? 'own-activation' : 'own-deactivation');
  return db().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, active: !active },
      data: active ? { active: true } : { active: false, sessionsValidAfter: now },
    });
    const row = await tx.user.findUnique({ where: { id: userId }, select: userSelect });
    if (!row) throw new NotFoundError('This user does not exist.');
    if (count === 0) throw new ConflictError(active ? 'This user is already active.' : 'This user is already deactivated.');
    await recordAccessEvent(tx, caller, {
      operation: 'ALTERATION',
      resourceType: 'user',
      resourceId: userId,
      purpose: active ? 'User reactivated' : 'User deactivated',
      details: active ? { email: row.email, active: true } : { email: row.email, active: false, sessionsEnded: true },
    });
    return toUserView(row, now);
  });
}
