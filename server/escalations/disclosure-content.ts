import 'server-only';
import { DATA_CATEGORIES, type DataCategory, type DisclosurePackageView } from '@/lib/schemas/escalation';
import { travellerFieldSpec, type TravellerFieldKey } from '@/lib/traveller-fields';
import { hitDetailSelect, travellerFieldValue, type HitDetailRow } from '@/server/hits/hit-detail-view';

// Which traveller fields each approved data category discloses: exactly these, nothing more.
const CATEGORY_FIELDS: Record<DataCategory, readonly TravellerFieldKey[]> = {
  PASSPORT: ['familyName', 'givenNames', 'dateOfBirth', 'sex', 'nationality', 'documentType', 'documentNumber', 'documentIssuingCountry', 'documentExpiry'],
  ITINERARY: ['bookingReference', 'reservationDate', 'flightNumber', 'flightDate', 'route'],
  CONTACT: ['contactEmail', 'contactPhone', 'address'],
  PAYMENT: ['paymentSummary'],
  FREQUENT_FLYER: ['frequentFlyerNumber'],
  CO_TRAVELLERS: ['coTravellerCount'],
  REMARKS: ['generalRemarks'],
};

export const disclosureTravellerSelect = hitDetailSelect.traveller.select;
type TravellerRow = HitDetailRow['traveller'];

export type DisclosureContent = Pick<DisclosurePackageView, 'categories' | 'itinerary'>;

/** The unmasked content of a disclosure package: the approved categories and nothing else. */
export function disclosureContent(traveller: TravellerRow, categories: readonly DataCategory[]): DisclosureContent {
  const ordered = (Object.keys(DATA_CATEGORIES) as DataCategory[]).filter((key) => categories.includes(key));
  return {
    categories: ordered.map((key) => ({
      key,
      label: DATA_CATEGORIES[key],
      fields: CATEGORY_FIELDS[key].map((field) => ({ label: travellerFieldSpec(field).label, value: travellerFieldValue(traveller, field) })),
    })),
    itinerary: ordered.includes('ITINERARY') ? itineraryLegs(traveller.itinerary) : null,
  };
}

function itineraryLegs(value: unknown): NonNullable<DisclosurePackageView['itinerary']> {
  if (!Array.isArray(value)) return [];
  return value.flatMap((leg) => {
    if (!leg || typeof leg !== 'object') return [];
    const { flightNumber, from, to, date } = leg as Record<string, unknown>;
    return [{ flightNumber: String(flightNumber ?? ''), from: String(from ?? ''), to: String(to ?? ''), date: String(date ?? '') }];
  });
}
