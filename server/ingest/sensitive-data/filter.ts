import 'server-only';
import type { TravellerFieldKey } from '@/lib/traveller-fields';
import { COMPILED_RULES, mayMatchAnyRule } from './compile-rules';
import { normaliseForMatching } from './normalise-text';
import type { SensitiveFinding } from './special-category';

// The filter that deletes special categories of data on receipt (PNR Directive art. 13(4)).
// What counts and why: README.md; the rules: ssr-codes.ts and special-category-terms.ts.

export type { SensitiveFinding, SpecialCategory } from './special-category';

/**
 * The Traveller fields that carry free text a sender writes as it likes, and so can carry data
 * art. 13(4) forbids: general remarks (Annex I element 12, where SSR and OSI lines end up), travel
 * status (element 10, a free string in the model), payment (element 6, which may name the payer
 * and billing address) and travel agency (element 9, which can name a pilgrimage operator).
 * Left out, with the reasons in README.md: address (street names such as Church Street are
 * ordinary data), names, contact details, document and frequent-flyer numbers (identifiers, not
 * prose), and the itinerary (structured legs).
 */
export const FREE_TEXT_FIELDS = ['generalRemarks', 'travelStatus', 'paymentSummary', 'travelAgency'] as const satisfies readonly TravellerFieldKey[];

export type FreeTextField = (typeof FREE_TEXT_FIELDS)[number];

/**
 * Which of the given free-text fields reveal a special category (PNR Directive art. 13(4)): one
 * finding per field and rule (an SSR code, or one spelling of a term), in field order. Pure; a
 * finding names the rule, never the value.
 */
export function findSensitiveData(fields: Readonly<Record<string, string | null | undefined>>): SensitiveFinding[] {
  const findings: SensitiveFinding[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (!value) continue;
    const text = normaliseForMatching(value);
    if (!mayMatchAnyRule(text)) continue;
    const seen = new Set<string>();
    for (const { category, find } of COMPILED_RULES) {
      for (const rule of find(text)) {
        if (seen.has(rule)) continue;
        seen.add(rule);
        findings.push({ field, category, rule });
      }
    }
  }
  return findings;
}

/**
 * Deletes, on receipt, every listed free-text field that reveals a special category (art. 13(4)):
 * the whole value becomes null, because cutting out the offending words could leave the sensitive
 * part readable around them. Returns a copy (the input is not modified) and the findings, which
 * the caller records as an erasure in the access log. Running it again finds nothing.
 */
export function removeSensitiveData<T extends Record<string, unknown>>(
  traveller: T,
  freeTextFields: readonly (keyof T & string)[],
): { traveller: T; findings: SensitiveFinding[] } {
  const text: Record<string, string> = {};
  for (const field of freeTextFields) {
    const value = traveller[field];
    // Only text is read; a number or a date in a listed field has no words to reveal anything.
    if (typeof value === 'string') text[field] = value;
  }
  const findings = findSensitiveData(text);
  const copy: Record<string, unknown> = { ...traveller };
  for (const { field } of findings) copy[field] = null;
  // Free-text fields are nullable in the model (prisma/schema.prisma), so null is a value T allows there.
  return { traveller: copy as T, findings };
}
