import 'server-only';
import { LEGAL_BASES, type LegalBasis, type RepersonalisationReviewItem } from '@/lib/schemas/escalation';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';


/**
 * Every approved re-personalisation (PNR art. 12(3)), which the data protection officer
 * must be told of and review; unreviewed first. Names no traveller.
 */
export async function listRepersonalisationReviews(caller: Caller): Promise<RepersonalisationReviewItem[]> {
  await requirePermission(caller, 'escalations.review-repersonalisation', { type: 'repersonalisation-reviews' });
  const rows = await db().escalation.findMany({
    where: { repersonalisation: true, status: 'APPROVED' },
    orderBy: [{ dpoReviewedAt: { sort: 'desc', nulls: 'first' } }, { decidedAt: 'asc' }],
    take: 500,
    select: {
      id: true, hitId: true, decidedAt: true, legalBasis: true, offenceCategory: true, dpoReviewedAt: true, dpoReviewNote: true, dpoReviewerId: true,
      decider: { select: { name: true } },
      requester: { select: { name: true } },
      recipient: { select: { name: true } },
    },
  });
  const reviewerIds = [...new Set(rows.map((row) => row.dpoReviewerId).filter((id): id is string => id !== null))];
  const reviewers = new Map((await db().user.findMany({ where: { id: { in: reviewerIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return rows.map((row) => ({
    id: row.id,
    hitId: row.hitId,
    approvedAt: row.decidedAt?.toISOString() ?? '',
    approverName: row.decider?.name ?? '',
    requesterName: row.requester.name,
    recipientName: row.recipient.name,
    legalBasis: LEGAL_BASES[row.legalBasis as LegalBasis] ?? row.legalBasis,
    offenceCategory: row.offenceCategory,
    reviewedAt: row.dpoReviewedAt?.toISOString() ?? null,
    reviewerName: row.dpoReviewerId ? (reviewers.get(row.dpoReviewerId) ?? null) : null,
    reviewNote: row.dpoReviewNote,
  }));
}
