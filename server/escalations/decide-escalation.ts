import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { env } from '@/lib/env';
import type { DataCategory, EscalationDecisionInput, EscalationDetail } from '@/lib/schemas/escalation';
import type { Caller } from '@/server/auth/caller';
import { hasPermission } from '@/server/auth/permissions';
import { denyAccess, requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';
import { recordHitChange } from '@/server/hits/hit-changes';
import { repersonalisedTraveller } from '@/server/retention/open-masked-traveller';
import { TRAVELLER_COLUMNS, travellerOf, type TravellerColumns } from '@/server/hits/read-hit-detail';
import { disclosureContent } from './disclosure-content';
import { describeDecided } from './escalation-conflict';
import { readEscalationDetail } from './escalation-view';
import { PREPARED } from '@/server/db-statements';

const DAY_MS = 86_400_000;

/**
 * A supervisor approves or rejects a request — never their own (four-eyes: 403 and a
 * DENIED event). Exactly one decision per request, however many click at once: the
 * update is conditional on status and version, and the loser hears "already decided by
 * X at T". Approval escalates the hit and produces the disclosure package (exactly the
 * approved categories); rejection returns the hit to review with the note.
 */
export async function decideEscalation(caller: Caller, escalationId: string, input: EscalationDecisionInput): Promise<EscalationDetail> {
  const resource = { type: 'escalation', id: escalationId };
  await requirePermission(caller, 'escalations.approve', resource);
  const [request] = await db().$queryRaw<{ requesterId: string; repersonalisation: boolean; maskedAt: Date | null }[]>`${PREPARED}
    SELECT x."requesterId", x.repersonalisation, t."maskedAt"
      FROM "Escalation" x JOIN "Hit" h ON h.id = x."hitId" JOIN "Traveller" t ON t.id = h."travellerId"
     WHERE x.id = ${escalationId}::uuid`;
  if (!request) throw new NotFoundError('This escalation request does not exist.');
  if (request.requesterId === caller.actorId) {
    return denyAccess(caller, resource, 'Four-eyes: the requester cannot decide their own escalation request.');
  }
  const repersonalises = request.repersonalisation || request.maskedAt !== null;
  if (input.decision === 'approve' && repersonalises && !hasPermission(caller.role, 'escalations.approve-repersonalisation')) {
    return denyAccess(caller, resource, 'Re-personalisation (PNR art. 12(3)) needs the competent authority’s approval.');
  }

  return db().$transaction(async (tx) => {
    const approved = input.decision === 'approve';
    const decidedAt = new Date();
    const { count } = await tx.escalation.updateMany({
      where: { id: escalationId, status: 'PENDING', version: input.version },
      data: {
        status: approved ? 'APPROVED' : 'REJECTED',
        deciderId: caller.actorId,
        decidedAt,
        decisionNote: input.note?.trim() || null,
        repersonalisation: repersonalises,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new ConflictError(await describeDecided(tx, escalationId));

    // The request's categories and its hit's traveller (the columns of disclosureTravellerSelect), in one statement.
    const [row] = await tx.$queryRaw<(TravellerColumns & { dataCategories: string[]; hitId: string; travellerId: string })[]>`${PREPARED}
      SELECT x."dataCategories", h.id AS "hitId", h."travellerId", ${TRAVELLER_COLUMNS}
        FROM "Escalation" x JOIN "Hit" h ON h.id = x."hitId" JOIN "Traveller" t ON t.id = h."travellerId"
       WHERE x.id = ${escalationId}::uuid`;
    if (!row) throw new NotFoundError('This escalation request does not exist.');
    const escalation = { dataCategories: row.dataCategories };
    const hit = { id: row.hitId, travellerId: row.travellerId, traveller: travellerOf(row) };
    await tx.hit.update({
      where: { id: hit.id },
      data: approved
        ? { status: 'ESCALATED', decidedById: caller.actorId, decidedAt, version: { increment: 1 } }
        : { status: 'IN_REVIEW', version: { increment: 1 } },
    });
    await recordHitChange(tx, caller, hit, {
      type: approved ? 'ESCALATION_APPROVED' : 'ESCALATION_REJECTED',
      fromStatus: 'ESCALATION_PENDING',
      toStatus: approved ? 'ESCALATED' : 'IN_REVIEW',
      note: input.note?.trim() || null,
      data: { escalationId },
    });
    if (approved) {
      const categories = escalation.dataCategories as DataCategory[];
      await tx.disclosurePackage.create({
        data: {
          escalationId,
          categories,
          // A masked traveller's values come back from the sealed record: this approval is the re-personalisation.
          content: disclosureContent(await repersonalisedTraveller(tx, hit.travellerId, hit.traveller), categories) as unknown as Prisma.InputJsonValue,
          expiresAt: new Date(decidedAt.getTime() + env().DISCLOSURE_VALID_DAYS * DAY_MS),
        },
      });
    }
    return (await readEscalationDetail(tx, caller, escalationId)).detail;
  });
}
