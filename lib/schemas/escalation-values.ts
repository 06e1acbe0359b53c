// The escalation request's choices, without zod: what the browser's forms and lists need at first
// load. escalation.ts re-exports it all; the forms load escalation.ts (and zod with it) when
// submitted.
import directive from '@/lib/reference/pnr-directive.json';

/** Legal bases an escalation may rest on (PNR Directive art. 6(2); national law). */
export const LEGAL_BASES = {
  PNR_6_2_A: 'PNR art. 6(2)(a): assessment before arrival or departure',
  PNR_6_2_B: 'PNR art. 6(2)(b): reasoned request of a competent authority',
  NATIONAL: 'National provision implementing the PNR Directive',
} as const;

export type LegalBasis = keyof typeof LEGAL_BASES;

/** Terrorist offences and the serious crimes of PNR Annex II, from the reference data. */
export const OFFENCE_CATEGORIES: readonly string[] = ['terrorism', ...directive.seriousCrimes];

/** What a disclosure may contain, each category a set of traveller fields. */
export const DATA_CATEGORIES = {
  PASSPORT: 'Passport and identity data (names, date of birth, nationality, document)',
  ITINERARY: 'Itinerary and booking (flights, dates, route, booking reference)',
  CONTACT: 'Contact details (email, phone, address)',
  PAYMENT: 'Payment information',
  FREQUENT_FLYER: 'Frequent-flyer information',
  CO_TRAVELLERS: 'Co-travellers (number travelling together)',
  REMARKS: 'General remarks',
} as const;

export type DataCategory = keyof typeof DATA_CATEGORIES;

export const URGENCIES = { ROUTINE: 'Routine', URGENT: 'Urgent', IMMEDIATE: 'Immediate (flight imminent)' } as const;

export type Urgency = keyof typeof URGENCIES;

export const MIN_JUSTIFICATION = 50;
