import 'server-only';
import type { EscalationRequestInput } from '@/lib/schemas/escalation';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { ConflictError, NotFoundError, ValidationError } from '@/server/errors';
import { explainHitConflict, recordHitChange } from '@/server/hits/hit-changes';

/**
 * Records an analyst's escalation request with its justification and moves the hit to
 * ESCALATION_PENDING, conditional on the version the analyst saw. Identity and state
 * come from the server, never from the form. One transaction: request, hit, history and
 * access event.
 *
 * Not one statement, as the other changes of a hit are (hitChangeClauses): the metrics'
 * rollup triggers (migration 20261126180000) count a hit's review time from its first request
 * once when the hit's update runs before the request exists and the request's insert after it.
 * In one statement both triggers fire at its end, both see the request, and the review time was
 * counted twice (server/metrics/rollups.integration.test.ts caught it).
 */
export async function requestEscalation(caller: Caller, hitId: string, input: EscalationRequestInput): Promise<{ id: string }> {
  await requirePermission(caller, 'escalations.request', { type: 'hit', id: hitId });
  return db().$transaction(async (tx) => {
    const recipient = await tx.recipientAuthority.findFirst({ where: { id: input.recipientId, active: true }, select: { id: true } });
    if (!recipient) throw new ValidationError('Some fields need your attention.', { recipientId: 'Choose a recipient authority from the list.' });
    const hit = await tx.hit.findUnique({ where: { id: hitId }, select: { id: true, travellerId: true, status: true, traveller: { select: { maskedAt: true } } } });
    if (!hit) throw new NotFoundError('This hit does not exist.');
    if (hit.status === 'ESCALATION_PENDING') throw new ConflictError('An escalation of this hit is already waiting for a decision.');
    const { count } = await tx.hit.updateMany({
      where: { id: hitId, version: input.hitVersion, status: { in: ['NEW', 'IN_REVIEW'] }, OR: [{ assigneeId: null }, { assigneeId: caller.actorId }] },
      data: { status: 'ESCALATION_PENDING', assigneeId: caller.actorId, version: { increment: 1 } },
    });
    if (count === 0) return explainHitConflict(tx, hitId, caller.actorId);
    const escalation = await tx.escalation.create({
      data: {
        hitId,
        requesterId: caller.actorId as string,
        legalBasis: input.legalBasis,
        offenceCategory: input.offenceCategory,
        objectiveFacts: input.objectiveFacts,
        necessity: input.necessity,
        dataCategories: input.dataCategories,
        recipientId: input.recipientId,
        urgency: input.urgency,
        repersonalisation: hit.traveller.maskedAt !== null,
      },
      select: { id: true },
    });
    await recordHitChange(tx, caller, hit, {
      type: 'ESCALATION_REQUESTED',
      fromStatus: hit.status,
      toStatus: 'ESCALATION_PENDING',
      data: { escalationId: escalation.id, urgency: input.urgency },
    });
    return escalation;
  });
}
