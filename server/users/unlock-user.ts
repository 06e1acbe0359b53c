import 'server-only';
import type { UserView } from '@/lib/schemas/user';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { clearAccountFailures } from '@/server/auth/login-throttle';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';
import { toUserView, userSelect } from './user-view';

/**
 * Lifts a login lock (and any back-off) at once: the account's failure count and its share of
 * failed guesses are forgotten (they still count for the address they came from). An
 * ALTERATION event in the same transaction; 409 when the account is neither locked nor held back.
 */
export async function unlockUser(caller: Caller, userId: string, now = new Date()): Promise<UserView> {
  await requirePermission(caller, 'users.manage', { type: 'user', id: userId });
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { lockedUntil: true, failedLoginCount: true } });
    if (!before) throw new NotFoundError('This user does not exist.');
    const locked = before.lockedUntil !== null && before.lockedUntil > now;
    if (!locked && before.failedLoginCount === 0) throw new ConflictError('This user is not locked.');
    await clearAccountFailures(tx, userId);
    const row = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: userSelect });
    await recordAccessEvent(tx, caller, {
      operation: 'ALTERATION',
      resourceType: 'user',
      resourceId: userId,
      purpose: 'User unlocked',
      details: { email: row.email, wasLocked: locked, failedLogins: before.failedLoginCount },
    });
    return toUserView(row, now);
  });
}
