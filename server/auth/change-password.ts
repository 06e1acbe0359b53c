import 'server-only';
import type { ChangePasswordInput } from '@/lib/schemas/user';
import { recordAccessEvent } from '@/server/access-log/record';
import { db } from '@/server/db';
import { NotFoundError, ValidationError } from '@/server/errors';
import type { Caller } from './caller';
import { clearAccountFailures, lockLoginKeys, recordFailedGuess, throttleLimits, throttleReason, type ThrottleLimits } from './login-throttle';
import { hashPassword, verifyPassword } from './password';
import { passwordProblem } from './password-policy';
import { denyAccess } from './require-permission';

const WRONG_CURRENT = 'Your current password is not correct.';

/**
 * Replaces the caller's own password. The current password is required, and a wrong one counts
 * against the login throttle like a failed sign-in (a stolen session must not become a way to
 * guess it). The new one must meet the policy (./password-policy.ts) and differ from the
 * current one. Ends every session of the user — sessionsValidAfter = now — and clears
 * mustChangePassword; the caller signs in again with the new password to go on. Records an
 * ALTERATION event (no secrets) in the same transaction.
 */
export async function changeOwnPassword(caller: Caller, input: ChangePasswordInput, now = new Date(), limits: ThrottleLimits = throttleLimits()): Promise<void> {
  // Only a signed-in user has a password to change (an API token is refused, recorded).
  if (caller.actorType !== 'USER' || !caller.actorId) return denyAccess(caller, { type: 'user' }, 'not-a-user');
  const userId = caller.actorId;
  const account = await db().user.findUnique({ where: { id: userId }, select: { email: true, name: true } });
  if (!account) throw new NotFoundError('This user does not exist.');
  const problem = passwordProblem(input.newPassword, account);
  if (problem) throw new ValidationError('Choose another new password.', { newPassword: problem });
  // Hashed before the transaction: its locks are held only for the checks and the writes.
  const newHash = await hashPassword(input.newPassword);

  const outcome = await db().$transaction(
    async (tx) => {
      await lockLoginKeys(tx, { ip: caller.ip, account: account.email });
      const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, passwordHash: true, failedLoginCount: true, lockedUntil: true } });
      const held = await throttleReason(tx, user, caller.ip, now, limits);
      const currentOk = await verifyPassword(held ? null : user.passwordHash, input.currentPassword);
      if (!currentOk) {
        const locked = held ? false : (await recordFailedGuess(tx, user, caller.ip, now, limits)).locked;
        await recordAccessEvent(tx, caller, {
          operation: 'DENIED',
          outcome: 'DENIED',
          resourceType: 'user',
          resourceId: userId,
          purpose: 'Password change',
          details: locked ? { reason: held ?? 'wrong-current-password', locked: true } : { reason: held ?? 'wrong-current-password' },
        });
        return 'wrong-current' as const;
      }
      if (await verifyPassword(user.passwordHash, input.newPassword)) return 'same' as const;
      await tx.user.update({ where: { id: userId }, data: { passwordHash: newHash, mustChangePassword: false, sessionsValidAfter: now } });
      await clearAccountFailures(tx, userId);
      await recordAccessEvent(tx, caller, {
        operation: 'ALTERATION',
        resourceType: 'user',
        resourceId: userId,
        purpose: 'Password changed',
        details: { sessionsEnded: true },
      });
      return 'changed' as const;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
  // A refusal's event and failure count must commit, so the transaction returns rather than throws.
  if (outcome === 'wrong-current') throw new ValidationError(WRONG_CURRENT, { currentPassword: WRONG_CURRENT });
  if (outcome === 'same') throw new ValidationError('Choose another new password.', { newPassword: 'The new password must differ from the current one.' });
}
