import 'server-only';
import type { DisclosurePackageView } from '@/lib/schemas/escalation';
import { LEGAL_BASES, type LegalBasis } from '@/lib/schemas/escalation';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { denyAccess } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';
import type { DisclosureContent } from './disclosure-content';

const day = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Opens an approved disclosure package: only its requester and its approver, only until it
 * expires. Every view or download is a DISCLOSURE event naming the recipient authority,
 * recorded in the same transaction as the read.
 */
export async function getDisclosurePackage(caller: Caller, escalationId: string, use: 'view' | 'download' = 'view'): Promise<DisclosurePackageView> {
  const resource = { type: 'disclosure-package', id: escalationId };
  const escalation = await db().escalation.findUnique({
    where: { id: escalationId },
    select: { requesterId: true, deciderId: true, status: true, package: { select: { expiresAt: true } } },
  });
  if (!escalation || escalation.status !== 'APPROVED' || !escalation.package) throw new NotFoundError('This escalation has no disclosure package.');
  if (caller.actorType !== 'USER' || (caller.actorId !== escalation.requesterId && caller.actorId !== escalation.deciderId)) {
    return denyAccess(caller, resource, 'Only the requester and the approver of an escalation can open its disclosure package.');
  }
  if (escalation.package.expiresAt <= new Date()) {
    throw new ConflictError(`This package expired on ${day(escalation.package.expiresAt)} and can no longer be opened.`);
  }
  return db().$transaction(async (tx) => {
    const row = await tx.escalation.findUniqueOrThrow({
      where: { id: escalationId },
      select: {
        legalBasis: true, offenceCategory: true, decidedAt: true,
        requester: { select: { name: true } },
        decider: { select: { name: true } },
        recipient: { select: { name: true, country: true } },
        package: { select: { id: true, content: true, expiresAt: true, createdAt: true } },
        hit: {
          select: {
            travellerId: true,
            source: { select: { name: true } },
            entry: { select: { externalId: true, primaryName: true, offenceCategory: true, legalBasis: true } },
          },
        },
      },
    });
    const pkg = row.package!;
    await recordAccessEvent(tx, caller, {
      operation: 'DISCLOSURE',
      resourceType: 'disclosure-package',
      resourceId: pkg.id,
      travellerId: row.hit.travellerId,
      recipient: row.recipient.name,
      purpose: use === 'download' ? 'Disclosure package downloaded' : 'Disclosure package viewed',
      details: { escalationId, use },
    });
    const content = pkg.content as unknown as DisclosureContent;
    return {
      id: pkg.id,
      escalationId,
      recipient: row.recipient,
      legalBasis: LEGAL_BASES[row.legalBasis as LegalBasis] ?? row.legalBasis,
      offenceCategory: row.offenceCategory,
      categories: content.categories,
      itinerary: content.itinerary,
      watchlistEntry: { source: row.hit.source.name, ...row.hit.entry },
      approvedBy: row.decider?.name ?? '',
      approvedAt: row.decidedAt?.toISOString() ?? '',
      requestedBy: row.requester.name,
      expiresAt: pkg.expiresAt.toISOString(),
      createdAt: pkg.createdAt.toISOString(),
    };
  });
}
