import 'server-only';
import type { Role } from '@/generated/prisma/enums';
import { LOGIN_FAILED_MESSAGE, loginSchema, TOTP_CODE_REQUIRED_MESSAGE, TOTP_CODE_WRONG_MESSAGE } from '@/lib/schemas/login';
import { recordAccessEvent } from '@/server/access-log/record';
import { db, type Tx } from '@/server/db';
import type { Caller } from './caller';
import { clearAccountFailures, lockLoginKeys, pruneLoginFailures, recordFailedGuess, throttleLimits, throttleReason, type ThrottleLimits } from './login-throttle';
import { verifyPassword } from './password';
import { matchTotp } from './totp';
import { openTotpSecret } from './totp-secret';
import { startSession } from './user-session';

export interface RequestMeta {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

export type AuthenticationResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role; mustChangePassword: boolean; sessionId: string } }
  | { ok: false; message: string; /** The password was right; a TOTP code is (still) needed. */ codeRequired?: true };

type FailureReason = 'unknown-user' | 'inactive' | 'wrong-password' | 'locked' | 'throttled' | 'ip-throttled' | TotpFailure;
type TotpFailure = 'code-required' | 'wrong-code' | 'code-reused';

/**
 * The second step for a user with two-step sign-in on, once the password was right: the code must
 * match a time step within ±1 of now that is later than the last one used, which it then becomes.
 */
async function checkTotp(tx: Tx, user: { id: string; totpSecret: string | null; totpLastStep: number | null }, code: string | undefined, now: Date): Promise<TotpFailure | null> {
  if (!code) return 'code-required';
  const secret = openTotpSecret(user.totpSecret ?? '');
  const step = matchTotp(secret, code, now, user.totpLastStep);
  if (step === null) return matchTotp(secret, code, now, null) === null ? 'wrong-code' : 'code-reused';
  // Conditional: of two sign-ins with the same code, one wins (the account's advisory lock already orders them).
  const { count } = await tx.user.updateMany({ where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] }, data: { totpLastStep: step } });
  return count === 1 ? null : 'code-reused';
}

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
  const { email, password, code } = parsed.data;

  const result = await db().$transaction(
    async (tx) => {
      await lockLoginKeys(tx, { ip: meta.ip, account: email });
      const user = await tx.user.findUnique({
        where: { email },
        select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, lockedUntil: true, failedLoginCount: true, mustChangePassword: true, totpEnabledAt: true, totpSecret: true, totpLastStep: true },
      });
      const held = await throttleReason(tx, user, meta.ip, now, limits);
      const passwordOk = await verifyPassword(held ? null : (user?.passwordHash ?? null), password);
      const passed = user !== null && user.active && passwordOk && !held;
      // Only someone who passed the password learns that a code is required, or that theirs was wrong.
      const totpFailure = passed && user.totpEnabledAt ? await checkTotp(tx, user, code, now) : null;
      const allowed = passed && totpFailure === null;
      const reason: FailureReason | null = allowed ? null : (held ?? (!user ? 'unknown-user' : !user.active ? 'inactive' : (totpFailure ?? 'wrong-password')));

      let lockedNow = false;
      let sessionId: string | null = null;
      if (allowed) {
        await clearAccountFailures(tx, user.id);
        await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
        // A new server-side session on every sign-in (never one carried over from before).
        sessionId = await startSession(tx, user.id, now);
      } else if (!held && reason !== 'code-required') {
        // A wrong or replayed code counts against the throttle like a wrong password.
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
        resourceId: sessionId,
        // Why it failed stays in the log for the privacy officer, never in the answer.
        details: allowed ? null : lockedNow ? { reason, locked: true } : { reason },
      });
      return allowed && sessionId ? { ...user, sessionId } : { failed: reason };
    },
    // The password check runs inside, holding the throttle's locks; attempts on one account wait their turn.
    { maxWait: 10_000, timeout: 30_000 },
  );
  await pruneLoginFailures(now);

  if ('failed' in result) {
    if (result.failed === 'code-required') return { ok: false, message: TOTP_CODE_REQUIRED_MESSAGE, codeRequired: true };
    if (result.failed === 'wrong-code' || result.failed === 'code-reused') return { ok: false, message: TOTP_CODE_WRONG_MESSAGE, codeRequired: true };
    return { ok: false, message: LOGIN_FAILED_MESSAGE };
  }
  return { ok: true, user: { id: result.id, email: result.email, name: result.name, role: result.role, mustChangePassword: result.mustChangePassword, sessionId: result.sessionId } };
}
