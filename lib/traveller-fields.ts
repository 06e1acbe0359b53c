import { maskDateOfBirth, maskDocumentNumber, maskNamePart, maskValue } from './mask';
import type { RevealableField } from './schemas/hit';

// Which traveller fields the hit detail shows, in which group, and which are identifying:
// those arrive masked and open only through a recorded reveal. The identifying ones are
// PNR Annex I elements 4, 5, 6, 8, 12 and 18 (names, contact, payment, frequent flyer,
// general remarks, the identifying API data), the elements masked at 6 months (art. 12(2)).

export type TravellerFieldKey =
  | RevealableField
  | 'sex'
  | 'nationality'
  | 'documentType'
  | 'documentIssuingCountry'
  | 'documentExpiry'
  | 'bookingReference'
  | 'reservationDate'
  | 'flightNumber'
  | 'flightDate'
  | 'route'
  | 'travelAgency'
  | 'travelStatus'
  | 'coTravellerCount';

export interface TravellerFieldSpec {
  key: TravellerFieldKey;
  label: string;
  group: 'api' | 'booking';
  /** How the field is masked; absent for fields shown in the clear. */
  mask?: (value: string | null) => string | null;
}

export const TRAVELLER_FIELDS: readonly TravellerFieldSpec[] = [
  { key: 'familyName', label: 'Family name', group: 'api', mask: maskNamePart },
  { key: 'givenNames', label: 'Given names', group: 'api', mask: maskNamePart },
  { key: 'dateOfBirth', label: 'Date of birth', group: 'api', mask: maskDateOfBirth },
  { key: 'sex', label: 'Sex', group: 'api' },
  { key: 'nationality', label: 'Nationality', group: 'api' },
  { key: 'documentType', label: 'Document type', group: 'api' },
  { key: 'documentNumber', label: 'Document number', group: 'api', mask: maskDocumentNumber },
  { key: 'documentIssuingCountry', label: 'Issuing country', group: 'api' },
  { key: 'documentExpiry', label: 'Document expiry', group: 'api' },
  { key: 'bookingReference', label: 'Booking reference', group: 'booking' },
  { key: 'reservationDate', label: 'Reservation date', group: 'booking' },
  { key: 'flightNumber', label: 'Flight', group: 'booking' },
  { key: 'flightDate', label: 'Flight date', group: 'booking' },
  { key: 'route', label: 'Route', group: 'booking' },
  { key: 'contactEmail', label: 'Email', group: 'booking', mask: maskValue },
  { key: 'contactPhone', label: 'Phone', group: 'booking', mask: maskValue },
  { key: 'address', label: 'Address', group: 'booking', mask: maskValue },
  { key: 'paymentSummary', label: 'Payment', group: 'booking', mask: maskValue },
  { key: 'frequentFlyerNumber', label: 'Frequent-flyer number', group: 'booking', mask: maskValue },
  { key: 'travelAgency', label: 'Travel agency', group: 'booking' },
  { key: 'travelStatus', label: 'Travel status', group: 'booking' },
  { key: 'generalRemarks', label: 'General remarks', group: 'booking', mask: maskValue },
  { key: 'coTravellerCount', label: 'Travelling with', group: 'booking' },
];

export function travellerFieldSpec(key: TravellerFieldKey): TravellerFieldSpec {
  const spec = TRAVELLER_FIELDS.find((field) => field.key === key);
  if (!spec) throw new Error(`Unknown traveller field ${key}`);
  return spec;
}
