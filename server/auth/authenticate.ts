import 'server-only';
import type { Role } from '@/generated/prisma/enums';
import { LOGIN_FAILED_MESSAGE, loginSchema } from '@/lib/schemas/login';
import { recordAccessEvent } from '@/server/access-log/record';
import { db } from '@/server/db';
import type { Caller } from './caller';
import { clearAccountFailures, lockLoginKeys, pruneLoginFailures, recordFailedGuess, throttleLimits, throttleReason, type ThrottleLimits } from './login-throttle';
import { verifyPassword } from './password';

export interface RequestMeta {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

export type AuthenticationResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role; mustChangePassword: boolean } }
  | { ok: false; message: string };

type FailureReason = 'unknown-user' | 'inactive' | 'wrong-password' | 'locked' | 'throttled' | 'ip-throttled';

/**
 * Checks credentials under the login throttle (./login-throttle.ts). Every attempt leaves an
 * access event (LOGIN or LOGIN_FAILED, the reason in its details); an unknown user, a wrong
 * password and a held (throttled or locked) attempt get the same answer and take as long —
 * a held attempt's password is run against a dummy hash, never the account's.
 */
export async function authenticate(credentials: unknown, meta: RequestMeta, now = new Date(), limits: ThrottleLimits = throttleLimits()): Promise<AuthenticationResult> {
  const parsed = loginSchema.safeParse(credentials);
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues[0]?.message ?? LOGIN_FAILED_MESSAGE };
  }
  const { email, password } = parsed.data;

  const result = await db().$transaction(
    async (tx) => {
      await lockLoginKeys(tx, { ip: meta.ip, account: email });
      const user = await tx.user.findUnique({
        where: { email },
        select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, lockedUntil: true, failedLoginCount: true, mustChangePassword: true },
      });
      const held = await throttleReason(tx, user, meta.ip, now, limits);
      const passwordOk = await verifyPassword(held ? null : (user?.passwordHash ?? null), password);
      const allowed = user !== null && user.active && passwordOk && !held;
      const reason: FailureReason | null = allowed ? null : (held ?? (!user ? 'unknown-user' : !user.active ? 'inactive' : 'wrong-password'));

      let lockedNow = false;
      if (allowed) {
        await clearAccountFailures(tx, user.id);
        await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
      } else if (!held) {
        lockedNow = (await recordFailedGuess(tx, user, meta.ip, now, limits)).locked;
      }

      const caller: Caller = {
        actorType: allowed ? 'USER' : 'ANONYMOUS',
        actorId: user?.id ?? null,
        actorLabel: email,
        role: allowed ? user.role : null,
        ...meta,
      };
      await recordAccessEvent(tx, caller, {
        operation: allowed ? 'LOGIN' : 'LOGIN_FAILED',
        outcome: allowed ? 'ALLOWED' : 'FAILED',
        resourceType: 'session',
        // Why it failed stays in the log for the privacy officer, never in the answer.
        details: allowed ? null : lockedNow ? { reason, locked: true } : { reason },
      });
      return allowed ? user : null;
    },
    // The password check runs inside, holding the throttle's locks; attempts on one account wait their turn.
    { maxWait: 10_000, timeout: 30_000 },
  );
  await pruneLoginFailures(now);

  if (!result) return { ok: false, message: LOGIN_FAILED_MESSAGE };
  return { ok: true, user: { id: result.id, email: result.email, name: result.name, role: result.role, mustChangePassword: result.mustChangePassword } };
}
