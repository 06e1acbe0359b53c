import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { AccessEventView, AccessLogQuery } from '@/lib/schemas/access-log';
import type { Tx } from '@/server/db';

export const accessEventSelect = {
  seq: true, at: true, actorType: true, actorLabel: true, role: true, operation: true, outcome: true, resourceType: true,
  resourceId: true, travellerId: true, purpose: true, recipient: true, ip: true, userAgent: true, details: true,
} as const;

type Row = Prisma.AccessEventGetPayload<{ select: typeof accessEventSelect }>;

export function toAccessEventView(row: Row): AccessEventView {
  return { ...row, seq: row.seq.toString(), at: row.at.toISOString() };
}

/**
 * The WHERE of a search, with the people it names resolved first: a user by email, a
 * traveller by booking reference or document number (both indexed), so the event table
 * is read through its (actorId, at) and (travellerId, at) indexes.
 */
export async function accessLogWhere(
  tx: Tx,
  query: AccessLogQuery,
): Promise<{ where: Prisma.AccessEventWhereInput; travellerIds: string[] | null }> {
  const and: Prisma.AccessEventWhereInput[] = [];
  if (query.actor) {
    const users = await tx.user.findMany({ where: { email: { contains: query.actor, mode: 'insensitive' } }, select: { id: true }, take: 50 });
    // Users by id (the (actorId, at) index); only when no user matches, a token or system
    // actor by its exact label. An OR of the two would keep the planner off the index.
    and.push(users.length > 0 ? { actorId: { in: users.map((user) => user.id) } } : { actorLabel: query.actor });
  }
  let travellerIds: string[] | null = null;
  if (query.bookingReference || query.documentNumber) {
    const travellers = await tx.traveller.findMany({
      where: {
        ...(query.bookingReference ? { bookingReference: query.bookingReference.toUpperCase() } : {}),
        ...(query.documentNumber ? { documentNumber: query.documentNumber } : {}),
      },
      select: { id: true },
      take: 100,
    });
    travellerIds = travellers.map((traveller) => traveller.id);
  }
  if (query.travellerId) travellerIds = travellerIds ? travellerIds.filter((id) => id === query.travellerId) : [query.travellerId];
  if (travellerIds) and.push({ travellerId: { in: travellerIds } });
  if (query.operation) and.push({ operation: query.operation });
  if (query.outcome) and.push({ outcome: query.outcome });
  if (query.from) and.push({ at: { gte: new Date(query.from) } });
  if (query.to) and.push({ at: { lte: new Date(query.to) } });
  if (query.purpose) and.push({ purpose: { contains: query.purpose, mode: 'insensitive' } });
  return { where: and.length > 0 ? { AND: and } : {}, travellerIds };
}
