import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { HitStatus } from '@/generated/prisma/enums';
import { CLEAR_REASONS, type HitDecisionInput } from '@/lib/schemas/hit';
import type { HitDetail } from '@/lib/schemas/hit-detail';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { PREPARED } from '@/server/db-statements';
import { NotFoundError } from '@/server/errors';
import { uuidV7 } from '@/server/ingest/insert-rows';
import { identityKey } from '@/server/screening/identity-key';
import { readHitDetail } from './get-hit';
import { explainHitConflict, hitChangeClauses } from './hit-changes';
import { suppressionExpiry } from './suppression';

interface BeforeRow {
  travellerId: string;
  status: HitStatus;
  entryId: string;
  entryVersion: number;
  familyName: string | null;
  givenNames: string | null;
  dateOfBirth: Date | null;
  documentNumber: string | null;
  collectedAt: Date;
}

/**
 * Decides one hit — never several: PNR art. 6(5) wants a person behind each. The update
 * is conditional on the version the reviewer saw, so a decision made meanwhile by
 * someone else is answered "decided by X at T", never overwritten. Clearing also
 * remembers the false positive (Suppression).
 *
 * The decision, the suppression and the hit's two traces (hitChangeClauses) are one
 * statement — an interactive transaction took nine round trips. What the suppression needs
 * of the traveller is read first; every change of a hit raises its version, so the
 * conditional update writes nothing unless the hit is still what was read.
 */
export async function decideHit(caller: Caller, hitId: string, input: HitDecisionInput): Promise<HitDetail> {
  await requirePermission(caller, 'hits.decide', { type: 'hit', id: hitId });
  const [before] = await db().$queryRaw<BeforeRow[]>`${PREPARED}
    SELECT h."travellerId", h.status, h."entryId", h."entryVersion",
           t."familyName", t."givenNames", t."dateOfBirth", t."documentNumber", t."collectedAt"
      FROM "Hit" h JOIN "Traveller" t ON t.id = h."travellerId"
     WHERE h.id = ${hitId}::uuid`;
  if (!before) throw new NotFoundError('This hit does not exist.');
  const [result] = await db().$queryRaw<{ decided: number }[]>`${PREPARED} ${decisionStatement(caller, hitId, input, before)}`;
  if (!result?.decided) return explainHitConflict(db(), hitId, caller.actorId);
  // The reviewer's own page, read after their alteration: the ALTERATION event covers it, so
  // no second (consultation) event is written.
  return (await readHitDetail(db(), caller, hitId)).detail;
}

function decisionStatement(caller: Caller, hitId: string, input: HitDecisionInput, before: BeforeRow): Prisma.Sql {
  const now = new Date();
  const status: HitStatus = input.decision === 'clear' ? 'CLEARED' : 'CONFIRMED';
  const actor = caller.actorId;
  const remembered = input.decision === 'clear'
    ? Prisma.sql`remembered AS (
        INSERT INTO "Suppression" (id, "identityKey", "entryId", "entryVersion", "originHitId", "createdById", reason, "expiresAt")
        SELECT ${uuidV7()}::uuid, ${identityKey({
          familyName: before.familyName,
          givenNames: before.givenNames,
          dateOfBirth: before.dateOfBirth?.toISOString().slice(0, 10) ?? null,
          documentNumber: before.documentNumber,
        })}::text, ${before.entryId}::uuid, ${before.entryVersion}::int, d.id, ${actor}::uuid, ${CLEAR_REASONS[input.reason]}::text,
               ${suppressionExpiry(before.collectedAt)}::timestamptz
          FROM decided d
        ON CONFLICT ("identityKey", "entryId") DO UPDATE SET "entryVersion" = EXCLUDED."entryVersion", "originHitId" = EXCLUDED."originHitId",
          "createdById" = EXCLUDED."createdById", reason = EXCLUDED.reason, "expiresAt" = EXCLUDED."expiresAt"), `
    : Prisma.empty;
  const traces = hitChangeClauses(caller, 'decided', {
    type: status,
    toStatus: status,
    note: input.note?.trim() || null,
    data: input.decision === 'clear' ? { reason: input.reason } : {},
  });
  return Prisma.sql`WITH decided AS (
      UPDATE "Hit" SET status = ${status}::"HitStatus", "clearReason" = ${input.decision === 'clear' ? input.reason : null}::text,
             "decidedById" = ${actor}::uuid, "decidedAt" = ${now}::timestamptz, "assigneeId" = ${actor}::uuid,
             version = version + 1, "updatedAt" = ${now}::timestamptz
       WHERE id = ${hitId}::uuid AND version = ${input.version}::int AND status IN ('NEW', 'IN_REVIEW')
         AND ("assigneeId" IS NULL OR "assigneeId" = ${actor}::uuid)
      RETURNING id, "travellerId", ${before.status}::"HitStatus" AS from_status
    ), ${remembered}${traces}
    SELECT count(*)::int AS decided FROM decided`;
}
