import 'server-only';
import { maskName } from '@/lib/mask';
import { ACCESS_LOG_PAGE_SIZE, type PersonReport } from '@/lib/schemas/access-log';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { readAccessEvents } from './access-event-view';
import { recordAccessEvent } from './record';

/**
 * Everything that happened to one traveller's data — who, when, what, why — for a data
 * subject's access request: the person, the count per operation, and the newest page of
 * events; older pages continue through the search (GET /api/v1/access-log?travellerId=…&cursor=…,
 * the same order) and the export has the whole history. Reading it is itself a CONSULTATION
 * of that person.
 */
export async function getPersonReport(caller: Caller, travellerId: string): Promise<PersonReport> {
  await requirePermission(caller, 'access-log.read', { type: 'person-report', id: travellerId });
  return db().$transaction(async (tx) => {
    const traveller = await tx.traveller.findUnique({
      where: { id: travellerId },
      select: { givenNames: true, familyName: true, bookingReference: true, flightNumber: true, flightDate: true, collectedAt: true, maskedAt: true },
    });
    // An erased traveller is gone, but their events are not: the report still answers.
    const events = await readAccessEvents(tx, { travellerIds: [travellerId] }, null, ACCESS_LOG_PAGE_SIZE + 1);
    const summary = await tx.accessEvent.groupBy({ by: ['operation'], where: { travellerId }, _count: { _all: true }, orderBy: { operation: 'asc' } });
    if (!traveller && events.length === 0) throw new NotFoundError('No traveller and no event has this id.');
    const page = events.slice(0, ACCESS_LOG_PAGE_SIZE);
    await recordAccessEvent(tx, caller, {
      operation: 'CONSULTATION',
      resourceType: 'person-report',
      resourceId: travellerId,
      travellerId,
      purpose: 'Per-person access report',
      details: { shown: page.length },
    });
    const last = page.at(-1);
    return {
      person: {
        travellerId,
        maskedName: traveller ? maskName(traveller.givenNames, traveller.familyName) : 'erased',
        bookingReference: traveller?.bookingReference ?? null,
        flightNumber: traveller?.flightNumber ?? '—',
        flightDate: traveller?.flightDate.toISOString().slice(0, 10) ?? '—',
        collectedAt: traveller?.collectedAt.toISOString() ?? '',
        maskedAt: traveller?.maskedAt?.toISOString() ?? null,
      },
      events: page,
      nextCursor: events.length > ACCESS_LOG_PAGE_SIZE && last ? last.seq : null,
      summary: summary.map((row) => ({ operation: row.operation, count: row._count._all })),
    };
  });
}
