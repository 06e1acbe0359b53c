import 'server-only';
import type { Prisma } from '@/generated/prisma/client';

// What masking moves out of ordinary reads (PNR art. 12(2)): names, contact, payment,
// frequent flyer, general remarks, all API (passport) data, and the references that lead
// back to the person. Kept in the clear because statistics need them and they do not
// identify alone: nationality, year of birth, the flight and its date, the itinerary, the
// outcome of each hit. (The number of co-travellers, art. 12(2)(a), stays: it is a count
// the schema cannot leave empty; noted for the retention policy review.)
export const IDENTIFYING_TRAVELLER_FIELDS = [
  'familyName',
  'givenNames',
  'dateOfBirth',
  'sex',
  'documentType',
  'documentNumber',
  'documentIssuingCountry',
  'documentExpiry',
  'bookingReference',
  'contactEmail',
  'contactPhone',
  'address',
  'paymentSummary',
  'frequentFlyerNumber',
  'generalRemarks',
  'externalRef',
] as const satisfies readonly (keyof Prisma.TravellerSelect)[];

export type IdentifyingField = (typeof IDENTIFYING_TRAVELLER_FIELDS)[number];
