import 'server-only';
import { recordAccessEvent } from '@/server/access-log/record';
import { db } from '@/server/db';
import type { RequestMeta } from './authenticate';
import { endSessionByLogout } from './user-session';

/**
 * Signing out ends the token's server-side session (a LOGOUT event with reason `logout`), so the
 * same cookie, copied or replayed, is refused from then on; the user's other sessions go on.
 * A token from before server-side sessions names none: then every session of the user ends
 * (sessionsValidAfter = now).
 */
export async function logout(userId: string, sid: string | undefined, meta: RequestMeta, now = new Date()): Promise<void> {
  if (sid) {
    await endSessionByLogout(sid, userId, meta, now);
    return;
  }
  await db().$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: userId },
      data: { sessionsValidAfter: now },
      select: { id: true, email: true, role: true },
    });
    await recordAccessEvent(
      tx,
      { actorType: 'USER', actorId: user.id, actorLabel: user.email, role: user.role, ...meta },
      { operation: 'LOGOUT', resourceType: 'session', details: { reason: 'logout' } },
    );
  });
}
