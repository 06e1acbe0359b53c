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
  status: string;
  version: number;
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
 * (server/hits/decide-hit.ts). An approval reads the traveller's values for the package only
 * once every check has passed and the request is still pending as the supervisor saw it; the
 * package is written only if the conditional update wins (a supervisor who loses a race at that
 * moment has read them for nothing, and they go no further).
 */
export async function decideEscalation(caller: Caller, escalationId: string, input: EscalationDecisionInput): Promise<EscalationDetail> {
  const resource = { type: 'escalation', id: escalationId };
  await requirePermission(caller, 'escalations.approve', resource);
  const approved = input.decision === 'approve';
  const [request] = await db().$queryRaw<RequestRow[]>`${PREPARED}
    SELECT x."requesterId", x.repersonalisation, x.status::text AS status, x.version, x."dataCategories", h."travellerId", t."maskedAt"
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
  if (request.status !== 'PENDING' || request.version !== input.version) throw new ConflictError(await describeDecided(db(), escalationId));
  const categories = request.dataCategories as DataCategory[];
  const disclosure = approved ? { categories, content: disclosureContent(await packagedTraveller(request.travellerId), categories) } : null;
  const [result] = await db().$queryRaw<{ decided: number }[]>`${PREPARED} ${decisionStatement(caller, { escalationId, input, repersonalises, disclosure })}`;
  if (!result?.decided) throw new ConflictError(await describeDecided(db(), escalationId));
  return (await readEscalationDetail(db(), caller, escalationId)).detail;
}

/** The traveller's values the package is made of; a masked traveller's come back from the sealed record (this approval is the re-personalisation). */
async function packagedTraveller(travellerId: string) {
  const [row] = await db().$queryRaw<TravellerColumns[]>`${PREPARED} SELECT ${TRAVELLER_COLUMNS} FROM "Traveller" t WHERE t.id = ${travellerId}::uuid`;
  if (!row) throw new NotFoundError('This escalation request does not exist.');
  return repersonalisedTraveller(db(), travellerId, travellerOf(row));
}

/** What the decision's statement writes: the decision on the request, and for an approval the package it discloses. */
interface Decision {
  escalationId: string;
  input: EscalationDecisionInput;
  repersonalises: boolean;
  disclosure: { categories: readonly DataCategory[]; content: DisclosureContent } | null;
}

function decisionStatement(caller: Caller, { escalationId, input, repersonalises, disclosure }: Decision): Prisma.Sql {
  const decidedAt = new Date();
  const approved = input.decision === 'approve';
  const note = input.note?.trim() || null;
  const actor = caller.actorId;
  const type = approved ? 'ESCALATION_APPROVED' : 'ESCALATION_REJECTED';
  const toStatus = approved ? 'ESCALATED' : 'IN_REVIEW';
  const hitChange = approved
    ? Prisma.sql`status = 'ESCALATED', "decidedById" = ${actor}::uuid, "decidedAt" = ${decidedAt}::timestamptz`
    : Prisma.sql`status = 'IN_REVIEW'`;
  const disclosed = disclosure
    ? Prisma.sql`disclosed AS (
        INSERT INTO "DisclosurePackage" (id, "escalationId", categories, content, "expiresAt")
        SELECT ${uuidV7(decidedAt.getTime())}::uuid, d.id, ${[...disclosure.categories]}::text[], ${JSON.stringify(disclosure.content)}::jsonb,
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
