import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { maskName } from '@/lib/mask';
import { ACCESS_LOG_PAGE_SIZE, type PersonReport } from '@/lib/schemas/access-log';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { queryDirect } from '@/server/db';
import { PREPARED } from '@/server/db-statements';
import { isoUtcSql } from '@/server/sql-time';
import { NotFoundError } from '@/server/errors';
import { EVENT_ARRAY, toAccessEventView, type AccessEventValues } from './access-event-view';
import { eventsOfRows } from './record-in-statement';

interface ReportRow {
  person: { givenNames: string | null; familyName: string | null; bookingReference: string | null; flightNumber: string; flightDate: string; collectedAt: string; maskedAt: string | null } | null;
  /** The newest page and one more (is there another page?), each event in ACCESS_EVENT_COLUMNS' order. */
  events: AccessEventValues[];
  summary: { operation: string; count: number }[];
}

const ISO = (column: string) => Prisma.raw(isoUtcSql(column));

/**
 * Everything that happened to one traveller's data — who, when, what, why — for a data
 * subject's access request: the person, the count per operation (kept as events are chained:
 * AccessEventPersonCount, migration 20261201170000), and the newest page of
 * events; older pages continue through the search (GET /api/v1/access-log?travellerId=…&cursor=…,
 * the same order) and the export has the whole history. Reading it is itself a CONSULTATION
 * of that person, recorded by the statement that reads it (record-in-statement.ts): one
 * statement, no interactive transaction.
 */
export async function getPersonReport(caller: Caller, travellerId: string): Promise<PersonReport> {
  await requirePermission(caller, 'access-log.read', { type: 'person-report', id: travellerId });
  const consultation = eventsOfRows(
    caller,
    { operation: 'CONSULTATION', resourceType: 'person-report', purpose: 'Per-person access report', details: {} },
    // An erased traveller is gone, but their events are not: the report still answers, and is recorded.
    Prisma.sql`SELECT ${travellerId}::uuid AS resource_id, ${travellerId}::uuid AS traveller_id, 1 AS n,
                      (SELECT least(count(*), ${Prisma.raw(String(ACCESS_LOG_PAGE_SIZE))}) FROM page) AS shown
                WHERE EXISTS (SELECT 1 FROM person) OR EXISTS (SELECT 1 FROM page)`,
    { counts: ['shown'] },
  );
  const [row] = await queryDirect<ReportRow>(Prisma.sql`${PREPARED}
    WITH person AS (
      SELECT "givenNames", "familyName", "bookingReference", "flightNumber", to_char("flightDate", 'YYYY-MM-DD') AS "flightDate",
             ${ISO('"collectedAt"')} AS "collectedAt", ${ISO('"maskedAt"')} AS "maskedAt"
        FROM "Traveller" WHERE id = ${travellerId}::uuid
    ), page AS (
      SELECT ${EVENT_ARRAY} AS event, at, seq FROM "AccessEvent" WHERE "travellerId" = ${travellerId}::uuid
       ORDER BY at DESC, seq DESC LIMIT ${Prisma.raw(String(ACCESS_LOG_PAGE_SIZE + 1))}
    ), recorded AS (${consultation})
    SELECT (SELECT row_to_json(p) FROM person p) AS person,
           (SELECT coalesce(json_agg(event::json ORDER BY at DESC, seq DESC), '[]') FROM page) AS events,
           (SELECT coalesce(json_agg(json_build_object('operation', operation, 'count', events) ORDER BY operation), '[]')
              FROM "AccessEventPersonCount" WHERE "travellerId" = ${travellerId}::uuid AND events > 0) AS summary`);
  if (!row || (!row.person && row.events.length === 0)) throw new NotFoundError('No traveller and no event has this id.');
  const { person } = row;
  const events = row.events.map(toAccessEventView);
  const page = events.slice(0, ACCESS_LOG_PAGE_SIZE);
  const last = page.at(-1);
  return {
    person: {
      travellerId,
      maskedName: person ? maskName(person.givenNames, person.familyName) : 'erased',
      bookingReference: person?.bookingReference ?? null,
      flightNumber: person?.flightNumber ?? '—',
      flightDate: person?.flightDate ?? '—',
      collectedAt: person?.collectedAt ?? '',
      maskedAt: person?.maskedAt ?? null,
    },
    events: page,
    nextCursor: events.length > ACCESS_LOG_PAGE_SIZE && last ? last.seq : null,
    summary: row.summary,
  };
}
