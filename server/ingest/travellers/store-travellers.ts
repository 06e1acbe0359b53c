import 'server-only';
import type { TravellerInput } from '@/lib/schemas/ingest';
import type { AccessEventInput } from '@/server/access-log/record';
import type { Tx } from '@/server/db';
import { FREE_TEXT_FIELDS, removeSensitiveData, type SensitiveFinding } from '@/server/ingest/sensitive-data/filter';
import { insertRows, uuidV7, type RowColumn } from '../insert-rows';

export interface StoredTraveller {
  id: string;
  /** Position in the request, for answers and error paths. */
  index: number;
  externalRef: string | null;
  traveller: TravellerInput;
  findings: SensitiveFinding[];
}

// Dates arrive as YYYY-MM-DD (lib/schemas/ingest.ts) and are stored as such; collectedAt
// is left to its default, the transaction's start, as with createMany.
const TRAVELLER_COLUMNS: readonly RowColumn[] = [
  ['id', 'uuid'], ['familyName', 'text'], ['givenNames', 'text'], ['dateOfBirth', 'date'], ['yearOfBirth', 'integer'], ['sex', '"Sex"'],
  ['nationality', 'char(3)'], ['documentType', 'text'], ['documentNumber', 'text'], ['documentIssuingCountry', 'char(3)'], ['documentExpiry', 'date'],
  ['bookingReference', 'text'], ['reservationDate', 'date'], ['flightNumber', 'text'], ['flightDate', 'date'], ['departureAirport', 'char(3)'],
  ['arrivalAirport', 'char(3)'], ['itinerary', 'jsonb'], ['contactEmail', 'text'], ['contactPhone', 'text'], ['address', 'text'],
  ['paymentSummary', 'text'], ['frequentFlyerNumber', 'text'], ['travelAgency', 'text'], ['travelStatus', 'text'], ['generalRemarks', 'text'],
  ['coTravellerCount', 'integer'], ['screeningBatchId', 'uuid'], ['externalRef', 'text'],
];

/**
 * Stores received travellers in the caller's transaction. Free-text values revealing a
 * special category (PNR art. 13(4)) are deleted before anything is stored; each deletion
 * is an ERASURE event naming the field and the category, never the value or the code that matched. Each traveller is a
 * COLLECTION event (LED art. 25). The events are returned, not recorded: the caller appends
 * them with the rest of the request's events in one append_access_events() call, in the
 * same transaction.
 *
 * Ids are time-ordered (UUID version 7, as Prisma's default for the table): a batch lands at
 * the right-hand edge of the primary key and of every index on travellerId, instead of on
 * thousands of random pages of indexes far larger than the database's buffers.
 */
export async function storeTravellers(
  tx: Tx,
  inputs: readonly TravellerInput[],
  screeningBatchId: string,
  purpose: string,
): Promise<{ stored: StoredTraveller[]; events: AccessEventInput[] }> {
  const now = Date.now();
  const stored = inputs.map((input, index): StoredTraveller => {
    const { traveller, findings } = removeSensitiveData(input, FREE_TEXT_FIELDS);
    return { id: uuidV7(now), index, externalRef: input.externalRef ?? null, traveller, findings };
  });
  const rows = stored.map(({ id, traveller: t }) => ({
    id,
    familyName: t.familyName ?? null,
    givenNames: t.givenNames ?? null,
    dateOfBirth: t.dateOfBirth ?? null,
    yearOfBirth: t.dateOfBirth ? Number(t.dateOfBirth.slice(0, 4)) : null,
    sex: t.sex,
    nationality: t.nationality ?? null,
    documentType: t.documentType ?? null,
    documentNumber: t.documentNumber ?? null,
    documentIssuingCountry: t.documentIssuingCountry ?? null,
    documentExpiry: t.documentExpiry ?? null,
    bookingReference: t.bookingReference ?? null,
    reservationDate: t.reservationDate ?? null,
    flightNumber: t.flightNumber,
    flightDate: t.flightDate,
    departureAirport: t.departureAirport,
    arrivalAirport: t.arrivalAirport,
    itinerary: t.itinerary,
    contactEmail: t.contactEmail ?? null,
    contactPhone: t.contactPhone ?? null,
    address: t.address ?? null,
    paymentSummary: t.paymentSummary ?? null,
    frequentFlyerNumber: t.frequentFlyerNumber ?? null,
    travelAgency: t.travelAgency ?? null,
    travelStatus: t.travelStatus ?? null,
    generalRemarks: t.generalRemarks ?? null,
    coTravellerCount: t.coTravellerCount,
    screeningBatchId,
    externalRef: t.externalRef ?? null,
  }));
  await insertRows(tx, 'Traveller', TRAVELLER_COLUMNS, rows);
  const events: AccessEventInput[] = stored.flatMap(({ id, findings }) => [
    { operation: 'COLLECTION' as const, resourceType: 'traveller', resourceId: id, travellerId: id, purpose, details: { screeningBatchId } },
    ...findings.map((finding) => ({
      operation: 'ERASURE' as const,
      resourceType: 'traveller-field',
      resourceId: id,
      travellerId: id,
      purpose: 'PNR art. 13(4): special categories of data deleted on receipt',
      // The matching rule (e.g. the SSR code) is left out: it would restate the deleted value.
      details: { field: finding.field, category: finding.category },
    })),
  ]);
  return { stored, events };
}
