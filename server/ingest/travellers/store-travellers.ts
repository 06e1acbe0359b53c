import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@/generated/prisma/client';
import type { TravellerInput } from '@/lib/schemas/ingest';
import { recordAccessEvents, type AccessEventInput } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import type { Tx } from '@/server/db';
import { FREE_TEXT_FIELDS, removeSensitiveData, type SensitiveFinding } from '@/server/ingest/sensitive-data/filter';

export interface StoredTraveller {
  id: string;
  /** Position in the request, for answers and error paths. */
  index: number;
  externalRef: string | null;
  traveller: TravellerInput;
  findings: SensitiveFinding[];
}

const CHUNK = 1000;
const day = (value: string | null | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null);

/**
 * Stores received travellers in the caller's transaction. Free-text values revealing a
 * special category (PNR art. 13(4)) are deleted before anything is stored; each deletion
 * is an ERASURE event naming the field and the category, never the value or the code that matched. Each traveller is a
 * COLLECTION event (LED art. 25).
 */
export async function storeTravellers(tx: Tx, caller: Caller, inputs: readonly TravellerInput[], screeningBatchId: string, purpose: string): Promise<StoredTraveller[]> {
  const stored = inputs.map((input, index): StoredTraveller => {
    const { traveller, findings } = removeSensitiveData(input, FREE_TEXT_FIELDS);
    return { id: randomUUID(), index, externalRef: input.externalRef ?? null, traveller, findings };
  });
  const rows: Prisma.TravellerCreateManyInput[] = stored.map(({ id, traveller: t }) => ({
    id,
    familyName: t.familyName ?? null,
    givenNames: t.givenNames ?? null,
    dateOfBirth: day(t.dateOfBirth),
    yearOfBirth: t.dateOfBirth ? Number(t.dateOfBirth.slice(0, 4)) : null,
    sex: t.sex,
    nationality: t.nationality ?? null,
    documentType: t.documentType ?? null,
    documentNumber: t.documentNumber ?? null,
    documentIssuingCountry: t.documentIssuingCountry ?? null,
    documentExpiry: day(t.documentExpiry),
    bookingReference: t.bookingReference ?? null,
    reservationDate: day(t.reservationDate),
    flightNumber: t.flightNumber,
    flightDate: day(t.flightDate) as Date,
    departureAirport: t.departureAirport,
    arrivalAirport: t.arrivalAirport,
    itinerary: t.itinerary.map((leg) => ({ ...leg })),
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
  for (let i = 0; i < rows.length; i += CHUNK) await tx.traveller.createMany({ data: rows.slice(i, i + CHUNK) });
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
  await recordAccessEvents(tx, caller, events);
  return stored;
}
