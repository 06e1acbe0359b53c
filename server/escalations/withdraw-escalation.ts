import 'server-only';
import type { Caller } from '@/server/auth/caller';
import { denyAccess, requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';
import { recordHitChange } from '@/server/hits/hit-changes';
import { describeDecided } from './escalation-conflict';

/**
 * The requester takes back a request nobody has decided yet; the hit returns to review.
 * Anyone else's request is refused as an access-control decision (403 and a DENIED event).
 */
export async function withdrawEscalation(caller: Caller, escalationId: string): Promise<{ id: string; status: 'WITHDRAWN' }> {
  const resource = { type: 'escalation', id: escalationId };
  await requirePermission(caller, 'escalations.request', resource);
  const owner = await db().escalation.findUnique({ where: { id: escalationId }, select: { requesterId: true } });
  if (!owner) throw new NotFoundError('This escalation request does not exist.');
  if (owner.requesterId !== caller.actorId) return denyAccess(caller, resource, 'Only the person who requested an escalation can withdraw it.');
  return db().$transaction(async (tx) => {
    const escalation = await tx.escalation.findUnique({
      where: { id: escalationId },
      select: { id: true, requesterId: true, hit: { select: { id: true, travellerId: true } } },
    });
    if (!escalation) throw new NotFoundError('This escalation request does not exist.');
    if (escalation.requesterId !== caller.actorId) throw new ConflictError('Only the person who requested an escalation can withdraw it.');
    const { count } = await tx.escalation.updateMany({
      where: { id: escalationId, status: 'PENDING' },
      data: { status: 'WITHDRAWN', version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError(await describeDecided(tx, escalationId));
    await tx.hit.update({ where: { id: escalation.hit.id }, data: { status: 'IN_REVIEW', version: { increment: 1 } } });
    await recordHitChange(tx, caller, escalation.hit, {
      type: 'ESCALATION_WITHDRAWN',
      fromStatus: 'ESCALATION_PENDING',
      toStatus: 'IN_REVIEW',
      data: { escalationId },
    });
    return { id: escalationId, status: 'WITHDRAWN' };
  });
}
