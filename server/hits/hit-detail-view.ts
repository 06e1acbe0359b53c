import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { maskName } from '@/lib/mask';
import type { HitDetail, WatchlistEntryView } from '@/lib/schemas/hit-detail';
import { TRAVELLER_FIELDS, type TravellerFieldKey } from '@/lib/traveller-fields';
import { maskExplanation } from './mask-explanation';

// Reads one hit with everything its detail page shows, and turns it into the DTO:
// identifying traveller values masked here, on the server (CONVENTIONS.md habit 2).

export const hitDetailSelect = {
  id: true,
  status: true,
  version: true,
  score: true,
  priority: true,
  offenceCategory: true,
  createdAt: true,
  dueAt: true,
  flightDate: true,
  decidedAt: true,
  clearReason: true,
  explanation: true,
  travellerId: true,
  entryVersion: true,
  assignee: { select: { id: true, name: true } },
  decidedBy: { select: { id: true, name: true } },
  source: { select: { code: true, name: true } },
  traveller: {
    select: {
      familyName: true, givenNames: true, dateOfBirth: true, sex: true, nationality: true, documentType: true,
      documentNumber: true, documentIssuingCountry: true, documentExpiry: true, bookingReference: true,
      reservationDate: true, flightNumber: true, flightDate: true, departureAirport: true, arrivalAirport: true,
      itinerary: true, contactEmail: true, contactPhone: true, address: true, paymentSummary: true,
      frequentFlyerNumber: true, travelAgency: true, travelStatus: true, generalRemarks: true,
      coTravellerCount: true, collectedAt: true, maskedAt: true, yearOfBirth: true,
    },
  },
  escalations: {
    orderBy: { createdAt: 'desc' },
    take: 1,
    select: {
      id: true, status: true, createdAt: true, decidedAt: true, decisionNote: true, requesterId: true, deciderId: true,
      requester: { select: { name: true } },
      decider: { select: { name: true } },
      package: { select: { expiresAt: true } },
    },
  },
  entry: {
    select: {
      id: true, externalId: true, version: true, type: true, primaryName: true, aliases: true, datesOfBirth: true,
      nationalities: true, documents: true, programs: true, offenceCategory: true, legalBasis: true, remarks: true,
      expiresAt: true,
    },
  },
} satisfies Prisma.HitSelect;

export type HitDetailRow = Prisma.HitGetPayload<{ select: typeof hitDetailSelect }>;
type TravellerRow = HitDetailRow['traveller'];

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** The clear value of one traveller field, as text. */
export function travellerFieldValue(traveller: TravellerRow, key: TravellerFieldKey): string | null {
  switch (key) {
    case 'dateOfBirth':
    case 'documentExpiry':
    case 'reservationDate':
    case 'flightDate':
      return isoDay(traveller[key]);
    case 'route':
      return `${traveller.departureAirport} → ${traveller.arrivalAirport}`;
    case 'coTravellerCount':
      return traveller.coTravellerCount === 0 ? 'alone' : `${traveller.coTravellerCount} other(s) on the booking`;
    case 'sex':
      return traveller.sex === 'U' ? null : traveller.sex;
    default:
      return traveller[key] ?? null;
  }
}

export function travellerFieldViews(traveller: TravellerRow) {
  const view = (group: 'api' | 'booking') =>
    TRAVELLER_FIELDS.filter((spec) => spec.group === group).map((spec) => {
      const value = travellerFieldValue(traveller, spec.key);
      const masked = !!spec.mask;
      return {
        key: spec.key,
        label: spec.label,
        value: spec.mask ? spec.mask(value) : value,
        masked,
        revealable: masked && value !== null ? (spec.key as HitDetail['traveller']['api'][number]['revealable']) : null,
      };
    });
  return { api: view('api'), booking: view('booking') };
}

function itineraryOf(value: Prisma.JsonValue): HitDetail['traveller']['itinerary'] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((leg) => {
    if (!leg || typeof leg !== 'object' || Array.isArray(leg)) return [];
    const { flightNumber, from, to, date } = leg as Record<string, unknown>;
    return [{ flightNumber: String(flightNumber ?? ''), from: String(from ?? ''), to: String(to ?? ''), date: String(date ?? '') }];
  });
}

function entryView(row: HitDetailRow): WatchlistEntryView {
  const entry = row.entry;
  return {
    id: entry.id,
    externalId: entry.externalId,
    version: entry.version,
    type: entry.type,
    primaryName: entry.primaryName,
    aliases: (entry.aliases as WatchlistEntryView['aliases'] | null) ?? [],
    datesOfBirth: (entry.datesOfBirth as WatchlistEntryView['datesOfBirth'] | null) ?? [],
    nationalities: entry.nationalities,
    documents: ((entry.documents as { type?: string; number: string; country?: string | null }[] | null) ?? []).map((document) => ({
      type: document.type ?? 'Document',
      number: document.number,
      country: document.country ?? null,
    })),
    programs: entry.programs,
    offenceCategory: entry.offenceCategory,
    legalBasis: entry.legalBasis,
    remarks: entry.remarks,
    expiresAt: entry.expiresAt?.toISOString() ?? null,
    sourceCode: row.source.code,
    sourceName: row.source.name,
  };
}

/** The detail DTO without timeline and permissions, which the caller adds. */
export function toHitDetail(row: HitDetailRow): Omit<HitDetail, 'timeline' | 'can' | 'currentUserId' | 'escalation'> {
  return {
    id: row.id,
    maskedName: maskName(row.traveller.givenNames, row.traveller.familyName),
    status: row.status,
    version: row.version,
    score: row.score,
    priority: row.priority,
    offenceCategory: row.offenceCategory,
    createdAt: row.createdAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    flightDate: isoDay(row.flightDate) ?? '',
    assignee: row.assignee,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    clearReason: (row.clearReason as HitDetail['clearReason']) ?? null,
    travellerMaskedAt: row.traveller.maskedAt?.toISOString() ?? null,
    traveller: { ...travellerFieldViews(row.traveller), itinerary: itineraryOf(row.traveller.itinerary) },
    entry: entryView(row),
    explanation: maskExplanation(row.explanation, { valueOf: (field) => travellerFieldValue(row.traveller, field), masked: row.traveller.maskedAt !== null, yearOfBirth: row.traveller.yearOfBirth }),
  };
}
