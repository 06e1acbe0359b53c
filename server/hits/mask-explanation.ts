import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { FieldExplanation, MatchField } from '@/lib/schemas/hit-detail';
import { travellerFieldSpec } from '@/lib/traveller-fields';

// The explanation stored with a hit quotes the traveller's values; they are masked like
// the traveller's own fields before they leave the server.
const TRAVELLER_FIELD: Record<MatchField, FieldExplanation['travellerField']> = {
  familyName: 'familyName',
  givenNames: 'givenNames',
  dateOfBirth: 'dateOfBirth',
  document: 'documentNumber',
  nationality: 'nationality',
};

export function maskExplanation(value: Prisma.JsonValue): FieldExplanation[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((raw) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return [];
    const item = raw as Record<string, unknown>;
    const field = item.field as MatchField;
    const travellerField = TRAVELLER_FIELD[field];
    if (travellerField === undefined) return [];
    const clear = typeof item.travellerValue === 'string' ? item.travellerValue : null;
    const mask = travellerField === 'nationality' || travellerField === null ? undefined : travellerFieldSpec(travellerField).mask;
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
      },
    ];
  });
}

/**
 * The stored explanation with the traveller's values masked, in the stored shape: what
 * retention leaves on a hit once its traveller is masked (the clear values go into the
 * sealed record). Masking twice changes nothing.
 */
export function redactStoredExplanation(value: Prisma.JsonValue): Prisma.InputJsonValue {
  if (!Array.isArray(value)) return [];
  return value.map((raw) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
    const item = raw as Record<string, Prisma.JsonValue>;
    const travellerField = TRAVELLER_FIELD[item.field as MatchField];
    if (travellerField === undefined || travellerField === 'nationality' || travellerField === null) return item;
    const clear = typeof item.travellerValue === 'string' ? item.travellerValue : null;
    return { ...item, travellerValue: travellerFieldSpec(travellerField).mask?.(clear) ?? null };
  }) as Prisma.InputJsonValue;
}
