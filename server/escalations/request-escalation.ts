import 'server-only';
import type { EscalationRequestInput } from '@/lib/schemas/escalation';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { PREPARED } from '@/server/db-statements';
import { ConflictError, NotFoundError, ValidationError } from '@/server/errors';
import { explainHitConflict, hitChangeClauses } from '@/server/hits/hit-changes';
import { uuidV7 } from '@/server/ingest/insert-rows';

/**
 * Records an analyst's escalation request with its justification and moves the hit to
 * ESCALATION_PENDING, conditional on the version the analyst saw. Identity and state
 * come from the server, never from the form. One statement: the hit (locked first, so that
 * its history names the status the request changed), the request, history and access event.
 */
export async function requestEscalation(caller: Caller, hitId: string, input: EscalationRequestInput): Promise<{ id: string }> {
  await requirePermission(caller, 'escalations.request', { type: 'hit', id: hitId });
  const escalationId = uuidV7();
  const actor = caller.actorId;
  const [requested] = await db().$queryRaw<{ id: string }[]>`${PREPARED}
    WITH target AS (
      SELECT h.id, h.status, t."maskedAt" IS NOT NULL AS repersonalisation
        FROM "Hit" h JOIN "Traveller" t ON t.id = h."travellerId"
       WHERE h.id = ${hitId}::uuid
         FOR UPDATE OF h
    ), requested AS (
      UPDATE "Hit" h SET status = 'ESCALATION_PENDING', "assigneeId" = ${actor}::uuid, version = h.version + 1, "updatedAt" = now()
        FROM target
       WHERE h.id = target.id AND h.version = ${input.hitVersion}::int AND h.status IN ('NEW', 'IN_REVIEW')
         AND (h."assigneeId" IS NULL OR h."assigneeId" = ${actor}::uuid)
         AND EXISTS (SELECT 1 FROM "RecipientAuthority" r WHERE r.id = ${input.recipientId}::uuid AND r.active)
      RETURNING h.id, h."travellerId", target.status AS from_status, target.repersonalisation
    ), escalation AS (
      INSERT INTO "Escalation" (id, "hitId", "requesterId", "legalBasis", "offenceCategory", "objectiveFacts", necessity, "dataCategories",
                                "recipientId", urgency, repersonalisation, "updatedAt")
      SELECT ${escalationId}::uuid, r.id, ${actor}::uuid, ${input.legalBasis}::text, ${input.offenceCategory}::text, ${input.objectiveFacts}::text,
             ${input.necessity}::text, ${input.dataCategories}::text[], ${input.recipientId}::uuid, ${input.urgency}::"Urgency", r.repersonalisation, now()
        FROM requested r
      RETURNING id
    ), ${hitChangeClauses(caller, 'requested', {
      type: 'ESCALATION_REQUESTED',
      toStatus: 'ESCALATION_PENDING',
      data: { escalationId, urgency: input.urgency },
    })}
    SELECT id FROM escalation`;
  return requested ?? explainRefusal(caller, hitId, input.recipientId);
}

/** Why a request changed nothing, in the order the form's user can act on it. Always throws. */
async function explainRefusal(caller: Caller, hitId: string, recipientId: string): Promise<never> {
  const [found] = await db().$queryRaw<{ recipient: boolean; status: string | null }[]>`${PREPARED}
    SELECT EXISTS (SELECT 1 FROM "RecipientAuthority" WHERE id = ${recipientId}::uuid AND active) AS recipient,
           (SELECT status::text FROM "Hit" WHERE id = ${hitId}::uuid) AS status`;
  if (!found?.recipient) throw new ValidationError('Some fields need your attention.', { recipientId: 'Choose a recipient authority from the list.' });
  if (found.status === null) throw new NotFoundError('This hit does not exist.');
  if (found.status === 'ESCALATION_PENDING') throw new ConflictError('An escalation of this hit is already waiting for a decision.');
  return explainHitConflict(db(), hitId, caller.actorId);
}
