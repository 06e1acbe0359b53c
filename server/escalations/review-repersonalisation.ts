import 'server-only';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';

/** The privacy officer records their ex-post review of an approved re-personalisation, once. */
export async function reviewRepersonalisation(caller: Caller, escalationId: string, note: string): Promise<{ id: string; reviewedAt: string }> {
  await requirePermission(caller, 'escalations.review-repersonalisation', { type: 'escalation', id: escalationId });
  return db().$transaction(async (tx) => {
    const reviewedAt = new Date();
    const { count } = await tx.escalation.updateMany({
      where: { id: escalationId, repersonalisation: true, status: 'APPROVED', dpoReviewedAt: null },
      data: { dpoReviewedAt: reviewedAt, dpoReviewerId: caller.actorId, dpoReviewNote: note },
    });
    if (count === 0) {
      const exists = await tx.escalation.findUnique({ where: { id: escalationId }, select: { dpoReviewedAt: true } });
      if (!exists) throw new NotFoundError('This escalation request does not exist.');
      throw new ConflictError(exists.dpoReviewedAt ? 'This re-personalisation was already reviewed.' : 'Only approved re-personalisations are reviewed here.');
    }
    await recordAccessEvent(tx, caller, {
      operation: 'ALTERATION',
      resourceType: 'escalation',
      resourceId: escalationId,
      details: { change: 'DPO_REVIEW' },
    });
    return { id: escalationId, reviewedAt: reviewedAt.toISOString() };
  });
}
