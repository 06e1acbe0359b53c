import 'server-only';
import type { EntryType, EscalationStatus, HitEventType, HitStatus, Sex } from '@/generated/prisma/enums';
import { Prisma } from '@/generated/prisma/client';
import type { Tx } from '@/server/db';
import type { HitDetailRow } from './hit-detail-view';
import { PREPARED } from '@/server/db-statements';
import { recordedBy, type ReadEvent } from '@/server/access-log/record-in-statement';

// Everything the hit detail shows in ONE statement: the hit with its traveller, entry, source,
// assignee, decider and latest escalation (with its package), its history and its views in
// the access log. Prisma's findUnique with the nested select of hit-detail-view.ts sent one
// query per relation (eleven), and the timeline four more: fifteen round trips, each parsed
// and planned by PostgreSQL and mapped by Prisma, for one detail.

/** One row of the hit's own history, newest first (the timeline's input). */
export interface HitEventRow {
  id: string;
  type: HitEventType;
  at: Date;
  note: string | null;
  data: Prisma.JsonValue;
  actorName: string | null;
}

/** One opening or reveal of the hit in the access log (list views left out), newest first, at most 200. */
export interface HitViewRow {
  seq: bigint;
  at: Date;
  actorId: string | null;
  actorLabel: string | null;
  /** The actor's current name, when the log's actor is a user who still exists. */
  actorName: string | null;
  purpose: string | null;
  details: Prisma.JsonValue;
}

export interface HitDetailRead {
  row: HitDetailRow;
  events: HitEventRow[];
  views: HitViewRow[];
}

export const MAX_VIEWS = 200;

type TravellerRow = HitDetailRow['traveller'];

export interface TravellerColumns {
  t_familyName: string | null;
  t_givenNames: string | null;
  t_dateOfBirth: Date | null;
  t_sex: Sex;
  t_nationality: string | null;
  t_documentType: string | null;
  t_documentNumber: string | null;
  t_documentIssuingCountry: string | null;
  t_documentExpiry: Date | null;
  t_bookingReference: string | null;
  t_reservationDate: Date | null;
  t_flightNumber: string;
  t_flightDate: Date;
  t_departureAirport: string;
  t_arrivalAirport: string;
  t_itinerary: Prisma.JsonValue;
  t_contactEmail: string | null;
  t_contactPhone: string | null;
  t_address: string | null;
  t_paymentSummary: string | null;
  t_frequentFlyerNumber: string | null;
  t_travelAgency: string | null;
  t_travelStatus: string | null;
  t_generalRemarks: string | null;
  t_coTravellerCount: number;
  t_collectedAt: Date;
  t_maskedAt: Date | null;
  t_yearOfBirth: number | null;
}

interface FlatRow extends TravellerColumns {
  id: string;
  status: HitStatus;
  version: number;
  score: number;
  priority: number;
  offenceCategory: string;
  createdAt: Date;
  dueAt: Date;
  flightDate: Date;
  decidedAt: Date | null;
  clearReason: string | null;
  explanation: Prisma.JsonValue;
  travellerId: string;
  entryVersion: number;
  assigneeId: string | null;
  assigneeName: string | null;
  decidedById: string | null;
  decidedByName: string | null;
  sourceCode: string;
  sourceName: string;
  e_id: string;
  e_externalId: string;
  e_version: number;
  e_type: EntryType;
  e_primaryName: string;
  e_aliases: Prisma.JsonValue;
  e_datesOfBirth: Prisma.JsonValue;
  e_nationalities: string[];
  e_documents: Prisma.JsonValue;
  e_programs: string[];
  e_offenceCategory: string;
  e_legalBasis: string;
  e_remarks: string | null;
  e_expiresAt: Date | null;
  x_id: string | null;
  x_status: EscalationStatus | null;
  x_createdAt: Date | null;
  x_decidedAt: Date | null;
  x_decisionNote: string | null;
  x_requesterId: string | null;
  x_deciderId: string | null;
  x_requesterName: string | null;
  x_deciderName: string | null;
  x_packageId: string | null;
  x_packageExpiresAt: Date | null;
  events: { id: string; type: HitEventType; at: string; note: string | null; data: Prisma.JsonValue; actorName: string | null }[];
  views: { seq: string; at: string; actorId: string | null; actorLabel: string | null; actorName: string | null; purpose: string | null; details: Prisma.JsonValue }[];
}

/**
 * The columns of hitDetailSelect.traveller (also disclosure-content.ts's), from "Traveller" t,
 * each prefixed t_: turned back into that select's shape by travellerOf().
 */
export const TRAVELLER_COLUMNS = Prisma.sql`
  t."familyName" AS "t_familyName", t."givenNames" AS "t_givenNames", t."dateOfBirth" AS "t_dateOfBirth", t.sex AS "t_sex",
  t.nationality AS "t_nationality", t."documentType" AS "t_documentType", t."documentNumber" AS "t_documentNumber",
  t."documentIssuingCountry" AS "t_documentIssuingCountry", t."documentExpiry" AS "t_documentExpiry",
  t."bookingReference" AS "t_bookingReference", t."reservationDate" AS "t_reservationDate", t."flightNumber" AS "t_flightNumber",
  t."flightDate" AS "t_flightDate", t."departureAirport" AS "t_departureAirport", t."arrivalAirport" AS "t_arrivalAirport",
  t.itinerary AS "t_itinerary", t."contactEmail" AS "t_contactEmail", t."contactPhone" AS "t_contactPhone", t.address AS "t_address",
  t."paymentSummary" AS "t_paymentSummary", t."frequentFlyerNumber" AS "t_frequentFlyerNumber", t."travelAgency" AS "t_travelAgency",
  t."travelStatus" AS "t_travelStatus", t."generalRemarks" AS "t_generalRemarks", t."coTravellerCount" AS "t_coTravellerCount",
  t."collectedAt" AS "t_collectedAt", t."maskedAt" AS "t_maskedAt", t."yearOfBirth" AS "t_yearOfBirth"`;

/**
 * A hit's traveller with the columns of hitDetailSelect.traveller, in one statement (reveal-field.ts).
 * With `recording`, the statement records that event about the hit when its traveller is not
 * masked (a masked traveller's data are not shown, so nothing is recorded).
 */
export async function readHitTraveller(client: Tx, hitId: string, recording?: ReadEvent): Promise<{ travellerId: string; traveller: TravellerRow } | null> {
  const recorded = recordedBy(recording, Prisma.sql`
    SELECT h.id AS resource_id, h."travellerId" AS traveller_id, 1 AS n FROM "Hit" h JOIN "Traveller" t ON t.id = h."travellerId"
     WHERE h.id = ${hitId}::uuid AND t."maskedAt" IS NULL`);
  const [row] = await client.$queryRaw<(TravellerColumns & { travellerId: string })[]>`${PREPARED} ${recorded}
    SELECT h."travellerId", ${TRAVELLER_COLUMNS}
      FROM "Hit" h JOIN "Traveller" t ON t.id = h."travellerId"
     WHERE h.id = ${hitId}::uuid`;
  return row ? { travellerId: row.travellerId, traveller: travellerOf(row) } : null;
}

/**
 * The one statement that reads a hit's detail (the hit, its history and its views) and, with
 * `recording`, records that event about the hit (none when there is no such hit). Built apart
 * from running it so that the benchmark sends PostgreSQL exactly this statement beside the API.
 */
export function hitDetailStatement(hitId: string, recording?: ReadEvent): Prisma.Sql {
  const recorded = recordedBy(recording, Prisma.sql`SELECT id AS resource_id, "travellerId" AS traveller_id, 1 AS n FROM "Hit" WHERE id = ${hitId}::uuid`);
  // The views' WHERE is the one Prisma sent (hit-timeline.ts before): `details #> '{view}' <> '"hit-list"'`
  // leaves out list views and, as before, events whose details name no view.
  return Prisma.sql`${PREPARED} ${recorded}
    SELECT h.id, h.status, h.version, h.score, h.priority, h."offenceCategory", h."createdAt", h."dueAt", h."flightDate",
           h."decidedAt", h."clearReason", h.explanation, h."travellerId", h."entryVersion",
           a.id AS "assigneeId", a.name AS "assigneeName", d.id AS "decidedById", d.name AS "decidedByName",
           s.code AS "sourceCode", s.name AS "sourceName",
           ${TRAVELLER_COLUMNS},
           e.id AS "e_id", e."externalId" AS "e_externalId", e.version AS "e_version", e.type AS "e_type", e."primaryName" AS "e_primaryName",
           e.aliases AS "e_aliases", e."datesOfBirth" AS "e_datesOfBirth", e.nationalities AS "e_nationalities", e.documents AS "e_documents",
           e.programs AS "e_programs", e."offenceCategory" AS "e_offenceCategory", e."legalBasis" AS "e_legalBasis", e.remarks AS "e_remarks",
           e."expiresAt" AS "e_expiresAt",
           x.id AS "x_id", x.status AS "x_status", x."createdAt" AS "x_createdAt", x."decidedAt" AS "x_decidedAt",
           x."decisionNote" AS "x_decisionNote", x."requesterId" AS "x_requesterId", x."deciderId" AS "x_deciderId",
           x."requesterName" AS "x_requesterName", x."deciderName" AS "x_deciderName", x."packageId" AS "x_packageId",
           x."packageExpiresAt" AS "x_packageExpiresAt",
           (SELECT coalesce(json_agg(json_build_object('id', ev.id, 'type', ev.type, 'at', ev.at, 'note', ev.note, 'data', ev.data, 'actorName', u.name)
                                     ORDER BY ev.at DESC), '[]'::json)
              FROM "HitEvent" ev LEFT JOIN "User" u ON u.id = ev."actorId"
             WHERE ev."hitId" = h.id) AS events,
           (SELECT coalesce(json_agg(json_build_object('seq', v.seq::text, 'at', v.at, 'actorId', v."actorId", 'actorLabel', v."actorLabel",
                                                       'actorName', u.name, 'purpose', v.purpose, 'details', v.details)
                                     ORDER BY v.at DESC), '[]'::json)
              FROM (SELECT ae.seq, ae.at, ae."actorId", ae."actorLabel", ae.purpose, ae.details
                      FROM "AccessEvent" ae
                     WHERE ae."travellerId" = h."travellerId" AND ae."resourceType" = 'hit' AND ae."resourceId" = h.id::text
                       AND ae.operation = 'CONSULTATION' AND (ae.details #> ARRAY['view']) <> '"hit-list"'::jsonb
                     ORDER BY ae.at DESC
                     LIMIT ${MAX_VIEWS}) v
              LEFT JOIN "User" u ON u.id = v."actorId") AS views
      FROM "Hit" h
      JOIN "Traveller" t ON t.id = h."travellerId"
      JOIN "WatchlistEntry" e ON e.id = h."entryId"
      JOIN "WatchlistSource" s ON s.id = h."sourceId"
      LEFT JOIN "User" a ON a.id = h."assigneeId"
      LEFT JOIN "User" d ON d.id = h."decidedById"
      LEFT JOIN LATERAL (
        SELECT x.id, x.status, x."createdAt", x."decidedAt", x."decisionNote", x."requesterId", x."deciderId",
               r.name AS "requesterName", xd.name AS "deciderName", p.id AS "packageId", p."expiresAt" AS "packageExpiresAt"
          FROM "Escalation" x
          JOIN "User" r ON r.id = x."requesterId"
          LEFT JOIN "User" xd ON xd.id = x."deciderId"
          LEFT JOIN "DisclosurePackage" p ON p."escalationId" = x.id
         WHERE x."hitId" = h.id
         ORDER BY x."createdAt" DESC
         LIMIT 1
      ) x ON true
     WHERE h.id = ${hitId}::uuid`;
}

/**
 * The hit, its history and its views, or null when there is no such hit. With `recording`, the
 * same statement records that event about the hit (none when there is no such hit): `client`
 * may then be the database itself rather than a transaction.
 */
export async function readHitDetailRow(client: Tx, hitId: string, recording?: ReadEvent): Promise<HitDetailRead | null> {
  const [flat] = await client.$queryRaw<FlatRow[]>(hitDetailStatement(hitId, recording));
  if (!flat) return null;
  return { row: toRow(flat), events: flat.events.map(toEvent), views: flat.views.map(toView) };
}

const toEvent = (event: FlatRow['events'][number]): HitEventRow => ({ ...event, at: new Date(event.at) });
const toView = (view: FlatRow['views'][number]): HitViewRow => ({ ...view, seq: BigInt(view.seq), at: new Date(view.at) });

function toRow(f: FlatRow): HitDetailRow {
  return {
    id: f.id,
    status: f.status,
    version: f.version,
    score: f.score,
    priority: f.priority,
    offenceCategory: f.offenceCategory,
    createdAt: f.createdAt,
    dueAt: f.dueAt,
    flightDate: f.flightDate,
    decidedAt: f.decidedAt,
    clearReason: f.clearReason,
    explanation: f.explanation,
    travellerId: f.travellerId,
    entryVersion: f.entryVersion,
    assignee: f.assigneeId === null ? null : { id: f.assigneeId, name: f.assigneeName ?? '' },
    decidedBy: f.decidedById === null ? null : { id: f.decidedById, name: f.decidedByName ?? '' },
    source: { code: f.sourceCode, name: f.sourceName },
    traveller: travellerOf(f),
    escalations:
      f.x_id === null
        ? []
        : [
            {
              id: f.x_id,
              status: f.x_status as EscalationStatus,
              createdAt: f.x_createdAt as Date,
              decidedAt: f.x_decidedAt,
              decisionNote: f.x_decisionNote,
              requesterId: f.x_requesterId as string,
              deciderId: f.x_deciderId,
              requester: { name: f.x_requesterName ?? '' },
              decider: f.x_deciderId === null ? null : { name: f.x_deciderName ?? '' },
              package: f.x_packageId === null ? null : { expiresAt: f.x_packageExpiresAt as Date },
            },
          ],
    entry: {
      id: f.e_id,
      externalId: f.e_externalId,
      version: f.e_version,
      type: f.e_type,
      primaryName: f.e_primaryName,
      aliases: f.e_aliases,
      datesOfBirth: f.e_datesOfBirth,
      nationalities: f.e_nationalities,
      documents: f.e_documents,
      programs: f.e_programs,
      offenceCategory: f.e_offenceCategory,
      legalBasis: f.e_legalBasis,
      remarks: f.e_remarks,
      expiresAt: f.e_expiresAt,
    },
  };
}

export function travellerOf(f: TravellerColumns): TravellerRow {
  return {
    familyName: f.t_familyName,
    givenNames: f.t_givenNames,
    dateOfBirth: f.t_dateOfBirth,
    sex: f.t_sex,
    nationality: f.t_nationality,
    documentType: f.t_documentType,
    documentNumber: f.t_documentNumber,
    documentIssuingCountry: f.t_documentIssuingCountry,
    documentExpiry: f.t_documentExpiry,
    bookingReference: f.t_bookingReference,
    reservationDate: f.t_reservationDate,
    flightNumber: f.t_flightNumber,
    flightDate: f.t_flightDate,
    departureAirport: f.t_departureAirport,
    arrivalAirport: f.t_arrivalAirport,
    itinerary: f.t_itinerary,
    contactEmail: f.t_contactEmail,
    contactPhone: f.t_contactPhone,
    address: f.t_address,
    paymentSummary: f.t_paymentSummary,
    frequentFlyerNumber: f.t_frequentFlyerNumber,
    travelAgency: f.t_travelAgency,
    travelStatus: f.t_travelStatus,
    generalRemarks: f.t_generalRemarks,
    coTravellerCount: f.t_coTravellerCount,
    collectedAt: f.t_collectedAt,
    maskedAt: f.t_maskedAt,
    yearOfBirth: f.t_yearOfBirth,
  };
}
