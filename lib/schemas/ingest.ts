import { z } from 'zod';
import { isStorableDate, isStorableInstant } from '@/lib/storable-values';

// What a unit's systems send to /api/v1 (issue 7). Strict objects: an unknown field is an
// error, not silently dropped, so a sender learns at once that a field it thinks it sends
// is not stored. Every string is bounded; every batch has a maximum size.

export const MAX_TRAVELLERS_PER_SCREENING = 1000;
export const MAX_EXTERNAL_HITS_PER_REQUEST = 5000;
export const MAX_ENTRIES_PER_UPSERT = 5000;

const text = (max: number) => z.string().trim().min(1, 'Must not be empty; leave the field out instead.').max(max, `At most ${max} characters.`);
const optionalText = (max: number) => text(max).nullish();
const isoDate = z.iso.date('A date as YYYY-MM-DD.').refine(isStorableDate, 'A date from 0001-01-01 to 9999-12-31.');
const alpha3 = z.string().regex(/^[A-Z]{3}$/, 'A three-letter ISO 3166 code in capitals, e.g. DEU.');
const airport = z.string().regex(/^[A-Z]{3}$/, 'A three-letter IATA airport code in capitals, e.g. FRA.');
const flightNumber = z.string().regex(/^[A-Z0-9]{2}[0-9]{1,4}[A-Z]?$/, 'A flight number such as LH400.');

export const itineraryLegSchema = z.strictObject({
  flightNumber,
  date: isoDate,
  from: airport,
  to: airport,
  departure: z.string().regex(/^\d{2}:\d{2}$/, 'A time as HH:MM.').nullish(),
});

/** One traveller on one journey: API data (passport) and PNR data (booking). */
export const travellerInputSchema = z.strictObject({
  /** The sender's own id for this traveller, echoed in answers; never shown to analysts. */
  externalRef: optionalText(100),
  familyName: optionalText(100),
  givenNames: optionalText(150),
  dateOfBirth: isoDate.nullish(),
  sex: z.enum(['F', 'M', 'X', 'U']).default('U'),
  nationality: alpha3.nullish(),
  documentType: optionalText(20),
  documentNumber: optionalText(40),
  documentIssuingCountry: alpha3.nullish(),
  documentExpiry: isoDate.nullish(),
  bookingReference: z.string().regex(/^[A-Z0-9]{5,8}$/, 'A booking reference (record locator) of 5 to 8 letters and digits.').nullish(),
  reservationDate: isoDate.nullish(),
  flightNumber,
  flightDate: isoDate,
  departureAirport: airport,
  arrivalAirport: airport,
  itinerary: z.array(itineraryLegSchema).max(20, 'At most 20 legs.').default([]),
  contactEmail: optionalText(200),
  contactPhone: optionalText(50),
  address: optionalText(300),
  paymentSummary: optionalText(200),
  frequentFlyerNumber: optionalText(40),
  travelAgency: optionalText(200),
  travelStatus: optionalText(50),
  generalRemarks: optionalText(2000),
  coTravellerCount: z.number().int().min(0).max(500).default(0),
});
export type TravellerInput = z.infer<typeof travellerInputSchema>;

export const screeningRequestSchema = z.strictObject({
  externalRef: optionalText(100),
  /** Watchlist sources to screen against, by code; all active sources when left out. */
  sources: z.array(text(50)).min(1).max(20).optional(),
  travellers: z
    .array(travellerInputSchema)
    .min(1, 'Send at least one traveller.')
    .max(MAX_TRAVELLERS_PER_SCREENING, `At most ${MAX_TRAVELLERS_PER_SCREENING} travellers per request; split larger manifests.`),
});
export type ScreeningRequest = z.infer<typeof screeningRequestSchema>;

const datePrecision = z.enum(['DAY', 'MONTH', 'YEAR']);
const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'A date as YYYY, YYYY-MM or YYYY-MM-DD.');

/** A listed person or organisation as a watchlist source sends it. */
export const watchlistEntryInputSchema = z.strictObject({
  externalId: text(100),
  type: z.enum(['INDIVIDUAL', 'ENTITY', 'VESSEL', 'AIRCRAFT']).default('INDIVIDUAL'),
  primaryName: text(300),
  familyName: optionalText(150),
  givenNames: optionalText(150),
  aliases: z.array(z.strictObject({ name: text(300), quality: z.enum(['strong', 'weak']).default('strong') })).max(200).default([]),
  datesOfBirth: z.array(z.strictObject({ value: partialDate, precision: datePrecision, to: partialDate.optional() })).max(20).default([]),
  nationalities: z.array(alpha3).max(10).default([]),
  documents: z.array(z.strictObject({ type: text(30), number: text(40), country: alpha3.nullish() })).max(20).default([]),
  programs: z.array(text(50)).max(20).default([]),
  offenceCategory: text(100),
  legalBasis: optionalText(300),
  remarks: optionalText(2000),
  expiresAt: z.iso.datetime({ offset: true }).refine(isStorableInstant, 'A time from the year 0001 to 9999 (in UTC).').nullish(),
});
export type WatchlistEntryInput = z.infer<typeof watchlistEntryInputSchema>;

export const watchlistEntriesRequestSchema = z.strictObject({
  entries: z
    .array(watchlistEntryInputSchema)
    .min(1, 'Send at least one entry.')
    .max(MAX_ENTRIES_PER_UPSERT, `At most ${MAX_ENTRIES_PER_UPSERT} entries per request.`),
});

/** A hit an external screening engine found: the traveller, the entry it matched, how well. */
export const externalHitSchema = z.strictObject({
  traveller: travellerInputSchema,
  entry: z.strictObject({ source: text(50), externalId: text(100) }),
  score: z.number().min(0).max(1),
});

export const externalHitsRequestSchema = z.strictObject({
  externalRef: optionalText(100),
  /** How many travellers the engine screened to find these hits: the denominator of the proportionality metrics. Defaults to the travellers sent. */
  travellersScreened: z.number().int().min(0).max(100_000_000).optional(),
  hits: z
    .array(externalHitSchema)
    .min(1, 'Send at least one hit.')
    .max(MAX_EXTERNAL_HITS_PER_REQUEST, `At most ${MAX_EXTERNAL_HITS_PER_REQUEST} hits per request.`),
});
export type ExternalHitsRequest = z.infer<typeof externalHitsRequestSchema>;

export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9._:-]{8,100}$/, 'An Idempotency-Key of 8 to 100 letters, digits, dots, dashes, colons or underscores.');

// What the ingestion endpoints answer. Schemas too, so the OpenAPI document
// (lib/api/openapi-document.ts) describes answers from the same source as the types.

export const screeningBatchViewSchema = z.object({
  id: z.uuid(),
  externalRef: z.string().nullable(),
  status: z.literal('COMPLETED'),
  travellersScreened: z.number().int(),
  hitsCreated: z.number().int(),
  /** Hits not raised because the identity was cleared against the same entry version. */
  hitsSuppressed: z.number().int().meta({ description: 'Hits not raised again: the identity was cleared against the same entry version.' }),
  /** Free-text values deleted on receipt because they revealed a special category (PNR art. 13(4)). */
  sensitiveValuesDeleted: z.number().int().meta({ description: 'Free-text values deleted on receipt for revealing a special category of data (PNR art. 13(4)).' }),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  /** The stored travellers, by their position in the request. */
  travellers: z.array(z.object({ index: z.number().int(), id: z.uuid(), externalRef: z.string().nullable() })).optional(),
  /** The created hits; travellerIndex is the traveller's position in the request. */
  hits: z.array(z.object({ id: z.uuid(), travellerIndex: z.number().int(), entry: z.object({ source: z.string(), externalId: z.string() }), score: z.number() })).optional(),
}).meta({ id: 'ScreeningBatch' });
export type ScreeningBatchView = z.infer<typeof screeningBatchViewSchema>;

const entryCounts = {
  created: z.number().int(),
  changed: z.number().int().meta({ description: 'Entries whose listed data changed; each got a new version (and raises hits again).' }),
  unchanged: z.number().int(),
  delisted: z.number().int().meta({ description: 'Entries of the list missing from a full import, now expired.' }),
};

export const entriesResultSchema = z.object({ source: z.string(), received: z.number().int(), ...entryCounts }).meta({ id: 'EntriesResult' });

export const sdnImportResultSchema = z
  .object({
    source: z.string(),
    rows: z.number().int().meta({ description: 'Rows read as entries.' }),
    ...entryCounts,
    errors: z.array(z.object({ line: z.number().int(), reason: z.string() })).meta({ description: 'Rows not imported, with their line number and why (the first 500).' }),
    warnings: z.number().int(),
    delistingApplied: z.boolean().meta({ description: 'Only a file read without errors delists the entries missing from it.' }),
  })
  .meta({ id: 'SdnImportResult' });

export const apiErrorSchema = z
  .object({
    message: z.string(),
    fieldErrors: z.record(z.string(), z.string()).optional(),
    issues: z.array(z.object({ path: z.string().meta({ description: 'Where, e.g. travellers.3.dateOfBirth' }), message: z.string() })).optional(),
  })
  .meta({ id: 'Error' });
