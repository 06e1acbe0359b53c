import 'server-only';
import { recordAccessEvent } from '@/server/access-log/record';
import { db } from '@/server/db';
import type { RequestMeta } from './authenticate';

/**
 * Ends the user's sessions server-side: a JWT issued before now is no longer honoured
 * (see getCaller), so a copied cookie stops working too. Records the LOGOUT event.
 */
export async function logout(userId: string, meta: RequestMeta): Promise<void> {
  await db().$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: userId },
      data: { sessionsValidAfter: new Date() },
      select: { id: true, email: true, role: true },
    });
    await recordAccessEvent(
      tx,
      { actorType: 'USER', actorId: user.id, actorLabel: user.email, role: user.role, ...meta },
      { operation: 'LOGOUT', resourceType: 'session' },
    );
  });
}
