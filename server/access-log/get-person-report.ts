import 'server-only';
import { maskName } from '@/lib/mask';
import type { PersonReport } from '@/lib/schemas/access-log';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { accessEventSelect, toAccessEventView } from './access-event-view';
import { recordAccessEvent } from './record';

const SHOWN = 500;

/**
 * Everything that happened to one traveller's data — who, when, what, why — for a data
 * subject's access request. Reading it is itself a CONSULTATION of that person.
 */
export async function getPersonReport(caller: Caller, travellerId: string): Promise<PersonReport> {
  await requirePermission(caller, 'access-log.read', { type: 'person-report', id: travellerId });
  return db().$transaction(async (tx) => {
    const traveller = await tx.traveller.findUnique({
      where: { id: travellerId },
      select: { givenNames: true, familyName: true, bookingReference: true, flightNumber: true, flightDate: true, collectedAt: true, maskedAt: true },
    });
    // An erased traveller is gone, but their events are not: the report still answers.
    const [events, summary] = [
      await tx.accessEvent.findMany({ where: { travellerId }, select: accessEventSelect, orderBy: { seq: 'desc' }, take: SHOWN + 1 }),
      await tx.accessEvent.groupBy({ by: ['operation'], where: { travellerId }, _count: { _all: true }, orderBy: { operation: 'asc' } }),
    ];
    if (!traveller && events.length === 0) throw new NotFoundError('No traveller and no event has this id.');
    await recordAccessEvent(tx, caller, {
      operation: 'CONSULTATION',
      resourceType: 'person-report',
      resourceId: travellerId,
      travellerId,
      purpose: 'Per-person access report',
      details: { shown: Math.min(events.length, SHOWN) },
    });
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
      events: events.slice(0, SHOWN).map(toAccessEventView),
      truncated: events.length > SHOWN,
      summary: summary.map((row) => ({ operation: row.operation, count: row._count._all })),
    };
  });
}
