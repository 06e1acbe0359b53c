import 'server-only';
import type { HitStatus } from '@/generated/prisma/enums';
import { CLEAR_REASONS, type HitDecisionInput } from '@/lib/schemas/hit';
import type { HitDetail } from '@/lib/schemas/hit-detail';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { readHitDetail } from './get-hit';
import { explainHitConflict, recordHitChange } from './hit-changes';
import { rememberClearedHit } from './suppression';
import { PREPARED } from '@/server/db-statements';

interface BeforeRow {
  id: string;
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
 * remembers the false positive (Suppression). History, access event and suppression
 * commit with the decision or not at all.
 */
export async function decideHit(caller: Caller, hitId: string, input: HitDecisionInput): Promise<HitDetail> {
  await requirePermission(caller, 'hits.decide', { type: 'hit', id: hitId });
  return db().$transaction(async (tx) => {
    const status = input.decision === 'clear' ? 'CLEARED' : 'CONFIRMED';
    // The hit with what the suppression needs of its traveller, in one statement.
    const [row] = await tx.$queryRaw<BeforeRow[]>`${PREPARED}
      SELECT h.id, h."travellerId", h.status, h."entryId", h."entryVersion",
             t."familyName", t."givenNames", t."dateOfBirth", t."documentNumber", t."collectedAt"
        FROM "Hit" h JOIN "Traveller" t ON t.id = h."travellerId"
       WHERE h.id = ${hitId}::uuid`;
    if (!row) throw new NotFoundError('This hit does not exist.');
    const { familyName, givenNames, dateOfBirth, documentNumber, collectedAt, ...hit } = row;
    const before = { ...hit, traveller: { familyName, givenNames, dateOfBirth, documentNumber, collectedAt } };
    const { count } = await tx.hit.updateMany({
      where: {
        id: hitId,
        version: input.version,
        status: { in: ['NEW', 'IN_REVIEW'] },
        OR: [{ assigneeId: null }, { assigneeId: caller.actorId }],
      },
      data: {
        status,
        clearReason: input.decision === 'clear' ? input.reason : null,
        decidedById: caller.actorId,
        decidedAt: new Date(),
        assigneeId: caller.actorId,
        version: { increment: 1 },
      },
    });
    if (count === 0) return explainHitConflict(tx, hitId, caller.actorId);

    const note = input.note?.trim() || null;
    await recordHitChange(tx, caller, before, {
      type: status,
      fromStatus: before.status,
      toStatus: status,
      note,
      data: input.decision === 'clear' ? { reason: input.reason } : {},
    });
    if (input.decision === 'clear') {
      const traveller = before.traveller;
      await rememberClearedHit(tx, {
        identity: {
          familyName: traveller.familyName,
          givenNames: traveller.givenNames,
          dateOfBirth: traveller.dateOfBirth?.toISOString().slice(0, 10) ?? null,
          documentNumber: traveller.documentNumber,
        },
        collectedAt: traveller.collectedAt,
        entryId: before.entryId,
        entryVersion: before.entryVersion,
        hitId,
        userId: caller.actorId,
        reason: CLEAR_REASONS[input.reason],
      });
    }
    // The reviewer's own page, re-read after their alteration: the ALTERATION event above
    // covers it, so no second (consultation) event is written.
    return (await readHitDetail(tx, caller, hitId)).detail;
  });
}
