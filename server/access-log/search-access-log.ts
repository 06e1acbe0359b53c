import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { maskName } from '@/lib/mask';
import { ACCESS_LOG_PAGE_SIZE, type AccessLogPage, type AccessLogQuery } from '@/lib/schemas/access-log';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db, queryDirect } from '@/server/db';
import { recordAccessEvent } from './record';
import { accessEventPage, cursorPosition, readAccessEvents, resolveAccessLogFilter, toAccessEventView, type AccessEventValues, type AccessLogFilter } from './access-event-view';
import type { SharedEventInput } from './event-template';
import { eventsOfRows } from './record-in-statement';
import { indexBounded, limitSearchTime, SEARCH_TRANSACTION_TIMEOUT_MS, searchTooBroad } from './search-timeout';

/**
 * The privacy officer's search, newest first (by time, then place in the chain), keyset-paged:
 * the cursor is the last event's seq. The search itself is an event (reading the log is
 * reading about people), and looking a person up by booking reference or document number
 * records which travellers were found — never the value typed.
 */
export async function searchAccessLog(caller: Caller, query: AccessLogQuery): Promise<AccessLogPage> {
  await requirePermission(caller, 'access-log.read', { type: 'access-log' });
  const lookedUp = !!(query.bookingReference || query.documentNumber);
  try {
    // Without a lookup of travellers the filter reads only staff accounts (a user named), outside any transaction.
    const resolved = lookedUp ? null : await resolveAccessLogFilter(db(), query);
    if (resolved && indexBounded(resolved.filter)) return await searchInOneStatement(caller, query, resolved.filter, resolved.travellerIds);
    return await db().$transaction(async (tx) => {
      const { filter, travellerIds } = resolved ?? (await resolveAccessLogFilter(tx, query));
      await limitSearchTime(tx, filter);
      const after = query.cursor ? await cursorPosition(tx, query.cursor) : null;
      const rows = await readAccessEvents(tx, filter, after, ACCESS_LOG_PAGE_SIZE + 1);
      const page = rows.slice(0, ACCESS_LOG_PAGE_SIZE);
      const persons = lookedUp && travellerIds
        ? (await tx.traveller.findMany({ where: { id: { in: travellerIds } }, select: { id: true, givenNames: true, familyName: true, flightNumber: true, flightDate: true } })).map(
            (traveller) => ({ travellerId: traveller.id, label: `${maskName(traveller.givenNames, traveller.familyName)} · ${traveller.flightNumber} ${traveller.flightDate.toISOString().slice(0, 10)}` }),
          )
        : null;
      await recordAccessEvent(tx, caller, { ...searchEvent(lookedUp), travellerId: soleTraveller(travellerIds), details: { ...searchDetails(query, travellerIds), shown: page.length } });
      return pageOf(rows, persons);
    }, { timeout: SEARCH_TRANSACTION_TIMEOUT_MS });
  } catch (error) {
    throw searchTooBroad(error);
  }
}

/**
 * A search an index reads in order (a person, or one user or operation, with or without a
 * time range) as one statement that reads the page and records the search (record-in-statement.ts),
 * as the per-person report does: no interactive transaction, whose BEGIN, COMMIT, extra round
 * trips and Prisma machinery cost the server more than the search itself (issue 11). Needs no
 * time limit: an index-bounded search stops after its page.
 */
async function searchInOneStatement(caller: Caller, query: AccessLogQuery, filter: AccessLogFilter, travellerIds: string[] | null): Promise<AccessLogPage> {
  const after = query.cursor ? await cursorPosition(db(), query.cursor) : null;
  const recorded = eventsOfRows(
    caller,
    { ...searchEvent(false), details: searchDetails(query, travellerIds) },
    // Always one event, whether or not anything was found: the search itself is what is recorded.
    Prisma.sql`SELECT NULL::uuid AS resource_id, ${soleTraveller(travellerIds)}::uuid AS traveller_id, 1 AS n,
                      (SELECT least(count(*), ${Prisma.raw(String(ACCESS_LOG_PAGE_SIZE))}) FROM page) AS shown`,
    { counts: ['shown'] },
  );
  const [row] = await queryDirect<{ events: AccessEventValues[] }>(Prisma.sql`
    WITH page AS (${accessEventPage(filter, after, ACCESS_LOG_PAGE_SIZE + 1)}), recorded AS (${recorded})
    SELECT coalesce(json_agg(event::json ORDER BY at DESC, seq DESC), '[]') AS events FROM page`);
  return pageOf((row?.events ?? []).map(toAccessEventView), null);
}

function searchEvent(lookedUp: boolean): Omit<SharedEventInput, 'details'> {
  return {
    operation: 'CONSULTATION',
    resourceType: lookedUp ? 'traveller-lookup' : 'access-log',
    purpose: lookedUp ? 'Access log: person lookup' : 'Access log search',
  };
}

/** What the search's event says of it: which filters were used and which travellers were found — never a value typed. */
function searchDetails(query: AccessLogQuery, travellerIds: string[] | null): Prisma.InputJsonObject {
  return { filters: Object.keys(query).filter((key) => key !== 'cursor'), found: travellerIds ?? null };
}

const soleTraveller = (travellerIds: string[] | null) => (travellerIds?.length === 1 ? travellerIds[0] : null) ?? null;

function pageOf(rows: AccessLogPage['items'], persons: AccessLogPage['persons']): AccessLogPage {
  const page = rows.slice(0, ACCESS_LOG_PAGE_SIZE);
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > ACCESS_LOG_PAGE_SIZE && last ? last.seq : null, persons };
}
