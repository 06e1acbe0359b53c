import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { maskName } from '@/lib/mask';
import type { EscalationDetail, EscalationSummary, LegalBasis } from '@/lib/schemas/escalation';
import { env } from '@/lib/env';
import type { Caller } from '@/server/auth/caller';
import { hasPermission } from '@/server/auth/permissions';
import type { Tx } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { readHitDetail } from '@/server/hits/get-hit';
import { PREPARED } from '@/server/db-statements';

export const escalationSummarySelect = {
  id: true, hitId: true, status: true, urgency: true, legalBasis: true, offenceCategory: true, requesterId: true,
  createdAt: true, decidedAt: true, repersonalisation: true, version: true,
  requester: { select: { name: true } },
  decider: { select: { name: true } },
  recipient: { select: { name: true } },
  hit: { select: { travellerId: true, traveller: { select: { givenNames: true, familyName: true } } } },
} satisfies Prisma.EscalationSelect;

type SummaryRow = Prisma.EscalationGetPayload<{ select: typeof escalationSummarySelect }>;

export function toEscalationSummary(row: SummaryRow, now = new Date()): EscalationSummary {
  const limitMs = env().ESCALATION_PENDING_LIMIT_HOURS * 3_600_000;
  return {
    id: row.id,
    hitId: row.hitId,
    status: row.status,
    urgency: row.urgency,
    legalBasis: row.legalBasis as LegalBasis,
    offenceCategory: row.offenceCategory,
    requesterId: row.requesterId,
    requesterName: row.requester.name,
    recipientName: row.recipient.name,
    travellerName: maskName(row.hit.traveller.givenNames, row.hit.traveller.familyName),
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    deciderName: row.decider?.name ?? null,
    overdue: row.status === 'PENDING' && now.getTime() - row.createdAt.getTime() > limitMs,
    repersonalisation: row.repersonalisation,
    version: row.version,
  };
}

/** Why `caller` may not decide this request, or null when they may. */
function cannotDecideBecause(caller: Caller, row: SummaryRow): string | null {
  if (!hasPermission(caller.role, 'escalations.approve')) return 'Only a supervisor can decide escalation requests.';
  if (row.status !== 'PENDING') return null;
  if (row.requesterId === caller.actorId) return 'You requested this escalation; another supervisor must decide it (four-eyes).';
  if (row.repersonalisation && !hasPermission(caller.role, 'escalations.approve-repersonalisation')) {
    return 'This request re-personalises masked data (PNR art. 12(3)); only the authority competent for that can decide it.';
  }
  return null;
}

interface DetailRow {
  id: string;
  hitId: string;
  status: SummaryRow['status'];
  urgency: SummaryRow['urgency'];
  legalBasis: string;
  offenceCategory: string;
  requesterId: string;
  createdAt: Date;
  decidedAt: Date | null;
  repersonalisation: boolean;
  version: number;
  objectiveFacts: string;
  necessity: string;
  dataCategories: string[];
  decisionNote: string | null;
  deciderId: string | null;
  requesterName: string;
  deciderName: string | null;
  recipientName: string;
  travellerId: string;
  givenNames: string | null;
  familyName: string | null;
  packageId: string | null;
  packageExpiresAt: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The request with what its detail shows of requester, decider, recipient, traveller and package,
 * in one statement (Prisma's nested select sent one query per relation).
 */
async function readDetailRow(tx: Tx, escalationId: string) {
  if (!UUID.test(escalationId)) return null;
  const [f] = await tx.$queryRaw<DetailRow[]>`${PREPARED}
    SELECT x.id, x."hitId", x.status, x.urgency, x."legalBasis", x."offenceCategory", x."requesterId", x."createdAt", x."decidedAt",
           x.repersonalisation, x.version, x."objectiveFacts", x.necessity, x."dataCategories", x."decisionNote", x."deciderId",
           r.name AS "requesterName", d.name AS "deciderName", rc.name AS "recipientName",
           h."travellerId", t."givenNames", t."familyName", p.id AS "packageId", p."expiresAt" AS "packageExpiresAt"
      FROM "Escalation" x
      JOIN "User" r ON r.id = x."requesterId"
      LEFT JOIN "User" d ON d.id = x."deciderId"
      JOIN "RecipientAuthority" rc ON rc.id = x."recipientId"
      JOIN "Hit" h ON h.id = x."hitId"
      JOIN "Traveller" t ON t.id = h."travellerId"
      LEFT JOIN "DisclosurePackage" p ON p."escalationId" = x.id
     WHERE x.id = ${escalationId}::uuid`;
  if (!f) return null;
  return {
    id: f.id, hitId: f.hitId, status: f.status, urgency: f.urgency, legalBasis: f.legalBasis, offenceCategory: f.offenceCategory,
    requesterId: f.requesterId, createdAt: f.createdAt, decidedAt: f.decidedAt, repersonalisation: f.repersonalisation, version: f.version,
    requester: { name: f.requesterName },
    decider: f.deciderId === null ? null : { name: f.deciderName ?? '' },
    recipient: { name: f.recipientName },
    hit: { travellerId: f.travellerId, traveller: { givenNames: f.givenNames, familyName: f.familyName } },
    objectiveFacts: f.objectiveFacts, necessity: f.necessity, dataCategories: f.dataCategories, decisionNote: f.decisionNote, deciderId: f.deciderId,
    package: f.packageId === null ? null : { id: f.packageId, expiresAt: f.packageExpiresAt as Date },
  } satisfies SummaryRow & Record<string, unknown>;
}

/** The request, its justification and its hit as `caller` may see them; records nothing. */
export async function readEscalationDetail(tx: Tx, caller: Caller, escalationId: string): Promise<{ detail: EscalationDetail; travellerId: string }> {
  const row = await readDetailRow(tx, escalationId);
  if (!row) throw new NotFoundError('This escalation request does not exist.');
  const { detail: hit } = await readHitDetail(tx, caller, row.hitId);
  const reason = cannotDecideBecause(caller, row);
  const decidable = row.status === 'PENDING' && reason === null;
  const involved = caller.actorId !== null && (row.requesterId === caller.actorId || row.deciderId === caller.actorId);
  const expired = row.package ? row.package.expiresAt <= new Date() : false;
  const detail: EscalationDetail = {
    ...toEscalationSummary(row),
    objectiveFacts: row.objectiveFacts,
    necessity: row.necessity,
    dataCategories: row.dataCategories as EscalationDetail['dataCategories'],
    decisionNote: row.decisionNote,
    hit,
    can: {
      approve: decidable,
      reject: decidable,
      withdraw: row.status === 'PENDING' && row.requesterId === caller.actorId,
      openPackage: !!row.package && !expired && involved,
    },
    cannotDecideBecause: row.status === 'PENDING' ? reason : null,
    package: row.package ? { id: row.package.id, expiresAt: row.package.expiresAt.toISOString(), expired } : null,
  };
  return { detail, travellerId: row.hit.travellerId };
}
