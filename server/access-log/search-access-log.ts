import 'server-only';
import { maskName } from '@/lib/mask';
import { ACCESS_LOG_PAGE_SIZE, type AccessLogPage, type AccessLogQuery } from '@/lib/schemas/access-log';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { recordAccessEvent } from './record';
import { cursorPosition, readAccessEvents, resolveAccessLogFilter } from './access-event-view';
import { limitSearchTime, SEARCH_TRANSACTION_TIMEOUT_MS, searchTooBroad } from './search-timeout';

/**
 * The privacy officer's search, newest first (by time, then place in the chain), keyset-paged:
 * the cursor is the last event's seq. The search itself is an event (reading the log is
 * reading about people), and looking a person up by booking reference or document number
 * records which travellers were found — never the value typed.
 */
export async function searchAccessLog(caller: Caller, query: AccessLogQuery): Promise<AccessLogPage> {
  await requirePermission(caller, 'access-log.read', { type: 'access-log' });
  try {
    return await db().$transaction(async (tx) => {
      const { filter, travellerIds } = await resolveAccessLogFilter(tx, query);
      await limitSearchTime(tx, filter);
      const after = query.cursor ? await cursorPosition(tx, query.cursor) : null;
      const rows = await readAccessEvents(tx, filter, after, ACCESS_LOG_PAGE_SIZE + 1);
      const page = rows.slice(0, ACCESS_LOG_PAGE_SIZE);
      const lookedUp = !!(query.bookingReference || query.documentNumber);
      const persons = lookedUp && travellerIds
        ? (await tx.traveller.findMany({ where: { id: { in: travellerIds } }, select: { id: true, givenNames: true, familyName: true, flightNumber: true, flightDate: true } })).map(
            (traveller) => ({ travellerId: traveller.id, label: `${maskName(traveller.givenNames, traveller.familyName)} · ${traveller.flightNumber} ${traveller.flightDate.toISOString().slice(0, 10)}` }),
          )
        : null;
      await recordAccessEvent(tx, caller, {
        operation: 'CONSULTATION',
        resourceType: lookedUp ? 'traveller-lookup' : 'access-log',
        travellerId: travellerIds?.length === 1 ? travellerIds[0] : null,
        purpose: lookedUp ? 'Access log: person lookup' : 'Access log search',
        details: { filters: Object.keys(query).filter((key) => key !== 'cursor'), found: travellerIds ?? null, shown: page.length },
      });
      const last = page.at(-1);
      return { items: page, nextCursor: rows.length > ACCESS_LOG_PAGE_SIZE && last ? last.seq : null, persons };
    }, { timeout: SEARCH_TRANSACTION_TIMEOUT_MS });
  } catch (error) {
    throw searchTooBroad(error);
  }
}
