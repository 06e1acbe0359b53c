import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { FieldExplanation, MatchField } from '@/lib/schemas/hit-detail';
import { travellerFieldSpec, type TravellerFieldKey } from '@/lib/traveller-fields';
import { IDENTIFYING_TRAVELLER_FIELDS } from '@/server/retention/identifying-fields';

// Since issue 11 the explanation stored with a hit holds no traveller value
// (lib/hits/stored-explanation.ts): each item's `travellerValue` was a copy of a Traveller
// column (the screening compares the traveller's own fields), so it is left out when the hit
// is written and filled in from the traveller row when the hit is read, masked as the
// traveller's own fields are. Retention then masks a traveller by clearing its row alone: no
// hit has to be rewritten (mask-travellers.ts).

const TRAVELLER_FIELD: Record<MatchField, NonNullable<FieldExplanation['travellerField']>> = {
  familyName: 'familyName',
  givenNames: 'givenNames',
  dateOfBirth: 'dateOfBirth',
  document: 'documentNumber',
  nationality: 'nationality',
};

const CLEARED_BY_RETENTION: ReadonlySet<string> = new Set(IDENTIFYING_TRAVELLER_FIELDS);

/** The traveller the explanation is about: its clear field values, and whether retention masked it. */
export interface ExplainedTraveller {
  valueOf: (field: TravellerFieldKey) => string | null;
  masked: boolean;
  /** Kept when retention masks the rest of the date of birth. */
  yearOfBirth: number | null;
}

/**
 * The stored explanation as the caller sees it: each item's traveller value is read from
 * the traveller row (never from the stored item, which older hits may still quote) and
 * masked like the traveller's own field. A value the retention job cleared is null and
 * marked `maskedByRetention`, so the page says why it is missing; of a date of birth the
 * year retention keeps comes along.
 */
export function maskExplanation(value: Prisma.JsonValue, traveller: ExplainedTraveller): FieldExplanation[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((raw) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return [];
    const item = raw as Record<string, unknown>;
    const field = item.field as MatchField;
    const travellerField = TRAVELLER_FIELD[field];
    if (travellerField === undefined) return [];
    const clear = traveller.valueOf(travellerField);
    const mask = travellerFieldSpec(travellerField).mask;
    const maskedByRetention = traveller.masked && clear === null && CLEARED_BY_RETENTION.has(travellerField);
    const retainedYear = maskedByRetention && travellerField === 'dateOfBirth' && traveller.yearOfBirth !== null ? String(traveller.yearOfBirth) : null;
    return [
      {
        field,
        method: item.method as FieldExplanation['method'],
        travellerValue: mask ? mask(clear) : clear,
        travellerField,
        entryValue: typeof item.entryValue === 'string' ? item.entryValue : null,
        similarity: typeof item.similarity === 'number' ? item.similarity : null,
        agrees: typeof item.agrees === 'boolean' ? item.agrees : null,
        ...(item.precision ? { precision: item.precision as FieldExplanation['precision'] } : {}),
        ...(maskedByRetention ? { maskedByRetention: true as const } : {}),
        ...(retainedYear ? { retainedYear } : {}),
      },
    ];
  });
}
