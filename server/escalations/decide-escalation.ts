import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { env } from '@/lib/env';
import type { DataCategory, EscalationDecisionInput, EscalationDetail } from '@/lib/schemas/escalation';
import type { Caller } from '@/server/auth/caller';
import { hasPermission } from '@/server/auth/permissions';
import { denyAccess, requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { PREPARED } from '@/server/db-statements';
import { ConflictError, NotFoundError } from '@/server/errors';
import { hitChangeClauses } from '@/server/hits/hit-changes';
import { TRAVELLER_COLUMNS, travellerOf, type TravellerColumns } from '@/server/hits/read-hit-detail';
import { uuidV7 } from '@/server/ingest/insert-rows';
import { repersonalisedTraveller } from '@/server/retention/open-masked-traveller';
import { disclosureContent, type DisclosureContent } from './disclosure-content';
import { describeDecided } from './escalation-conflict';
import { readEscalationDetail } from './escalation-view';

const DAY_MS = 86_400_000;

interface RequestRow {
  requesterId: string;
  repersonalisation: boolean;
  maskedAt: Date | null;
  dataCategories: string[];
  travellerId: string;
}

/**
 * A supervisor approves or rejects a request — never their own (four-eyes: 403 and a
 * DENIED event). Exactly one decision per request, however many click at once: the
 * update is conditional on status and version, and the loser hears "already decided by
 * X at T". Approval escalates the hit and produces the disclosure package (exactly the
 * approved categories); rejection returns the hit to review with the note.
 *
 * The decision, the hit's new status and history, the package and the ALTERATION event are
 * one statement (data-modifying WITH clauses: all or nothing), as a hit's own decision is
 * (server/hits/decide-hit.ts). An approval's package is made from the traveller read with the
 * request; it is written only if the conditional update wins.
 */
export async function decideEscalation(caller: Caller, escalationId: string, input: EscalationDecisionInput): Promise<EscalationDetail> {
  const resource = { type: 'escalation', id: escalationId };
  await requirePermission(caller, 'escalations.approve', resource);
  const approved = input.decision === 'approve';
  // The traveller's values only for an approval: a rejection discloses nothing.
  const [request] = await db().$queryRaw<(RequestRow & Partial<TravellerColumns>)[]>`${PREPARED}
    SELECT x."requesterId", x.repersonalisation, x."dataCategories", h."travellerId", t."maskedAt"${approved ? Prisma.sql`, ${TRAVELLER_COLUMNS}` : Prisma.empty}
      FROM "Escalation" x JOIN "Hit" h ON h.id = x."hitId" JOIN "Traveller" t ON t.id = h."travellerId"
     WHERE x.id = ${escalationId}::uuid`;
  if (!request) throw new NotFoundError('This escalation request does not exist.');
  if (request.requesterId === caller.actorId) {
    return denyAccess(caller, resource, 'Four-eyes: the requester cannot decide their own escalation request.');
  }
  const repersonalises = request.repersonalisation || request.maskedAt !== null;
  if (approved && repersonalises && !hasPermission(caller.role, 'escalations.approve-repersonalisation')) {
    return denyAccess(caller, resource, 'Re-personalisation (PNR art. 12(3)) needs the competent authority’s approval.');
  }
  const categories = request.dataCategories as DataCategory[];
  // A masked traveller's values come back from the sealed record: this approval is the re-personalisation.
  const content = approved ? disclosureContent(await repersonalisedTraveller(db(), request.travellerId, travellerOf(request as TravellerColumns)), categories) : null;
  const [result] = await db().$queryRaw<{ decided: number }[]>`${PREPARED} ${decisionStatement(caller, escalationId, input, repersonalises, content, categories)}`;
  if (!result?.decided) throw new ConflictError(await describeDecided(db(), escalationId));
  return (await readEscalationDetail(db(), caller, escalationId)).detail;
}

function decisionStatement(
  caller: Caller,
  escalationId: string,
  input: EscalationDecisionInput,
  repersonalises: boolean,
  content: DisclosureContent | null,
  categories: readonly DataCategory[],
): Prisma.Sql {
  const decidedAt = new Date();
  const approved = input.decision === 'approve';
  const note = input.note?.trim() || null;
  const actor = caller.actorId;
  const type = approved ? 'ESCALATION_APPROVED' : 'ESCALATION_REJECTED';
  const toStatus = approved ? 'ESCALATED' : 'IN_REVIEW';
  const hitChange = approved
    ? Prisma.sql`status = 'ESCALATED', "decidedById" = ${actor}::uuid, "decidedAt" = ${decidedAt}::timestamptz`
    : Prisma.sql`status = 'IN_REVIEW'`;
  const disclosed = content
    ? Prisma.sql`disclosed AS (
        INSERT INTO "DisclosurePackage" (id, "escalationId", categories, content, "expiresAt")
        SELECT ${uuidV7(decidedAt.getTime())}::uuid, d.id, ${[...categories]}::text[], ${JSON.stringify(content)}::jsonb,
               ${new Date(decidedAt.getTime() + env().DISCLOSURE_VALID_DAYS * DAY_MS)}::timestamptz
          FROM decided d), `
    : Prisma.empty;
  const traces = hitChangeClauses(caller, 'hit_changed', { type, toStatus, note, data: { escalationId } });
  return Prisma.sql`WITH decided AS (
      UPDATE "Escalation" SET status = ${approved ? 'APPROVED' : 'REJECTED'}::"EscalationStatus", "deciderId" = ${actor}::uuid,
             "decidedAt" = ${decidedAt}::timestamptz, "decisionNote" = ${note}::text, repersonalisation = ${repersonalises}::boolean,
             version = version + 1, "updatedAt" = ${decidedAt}::timestamptz
       WHERE id = ${escalationId}::uuid AND status = 'PENDING' AND version = ${input.version}::int
      RETURNING id, "hitId"
    ), hit_changed AS (
      UPDATE "Hit" h SET ${hitChange}, version = h.version + 1, "updatedAt" = ${decidedAt}::timestamptz
        FROM decided d WHERE h.id = d."hitId"
      RETURNING h.id, h."travellerId", 'ESCALATION_PENDING'::"HitStatus" AS from_status
    ), ${disclosed}${traces}
    SELECT count(*)::int AS decided FROM decided`;
}
