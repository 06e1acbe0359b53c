import 'server-only';
import type { Role } from '@/generated/prisma/enums';
import { LOGIN_FAILED_MESSAGE, loginSchema } from '@/lib/schemas/login';
import { recordAccessEvent } from '@/server/access-log/record';
import { db } from '@/server/db';
import type { Caller } from './caller';
import { verifyPassword } from './password';

export interface RequestMeta {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

export type AuthenticationResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role } }
  | { ok: false; message: string };

/**
 * Checks credentials. Every attempt leaves an access event (LOGIN or LOGIN_FAILED);
 * an unknown user and a wrong password get the same answer and take as long.
 */
export async function authenticate(credentials: unknown, meta: RequestMeta): Promise<AuthenticationResult> {
  const parsed = loginSchema.safeParse(credentials);
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues[0]?.message ?? LOGIN_FAILED_MESSAGE };
  }
  const { email, password } = parsed.data;
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, lockedUntil: true },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  const locked = user?.lockedUntil != null && user.lockedUntil > new Date();
  const allowed = user !== null && user.active && passwordOk && !locked;

  const caller: Caller = {
    actorType: allowed ? 'USER' : 'ANONYMOUS',
    actorId: user?.id ?? null,
    actorLabel: email,
    role: allowed ? user.role : null,
    ...meta,
  };

  await db().$transaction(async (tx) => {
    if (allowed) {
      await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lastLoginAt: new Date() } });
    } else if (user) {
      await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: { increment: 1 } } });
    }
    await recordAccessEvent(tx, caller, {
      operation: allowed ? 'LOGIN' : 'LOGIN_FAILED',
      outcome: allowed ? 'ALLOWED' : 'FAILED',
      resourceType: 'session',
      // Why it failed stays in the log for the privacy officer, never in the answer.
      details: allowed ? null : { reason: !user ? 'unknown-user' : !user.active ? 'inactive' : locked ? 'locked' : 'wrong-password' },
    });
  });

  if (!allowed) return { ok: false, message: LOGIN_FAILED_MESSAGE };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
