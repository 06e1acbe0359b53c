import 'server-only';
import type { FieldExplanation } from '@/lib/schemas/hit-detail';
import type { ScreeningDateOfBirth } from './screening-types';

/** What the dates of birth say about identity; score-match.ts weighs it. */
export type DateOfBirthEvidence = 'day' | 'month' | 'year' | 'range' | 'swapped' | 'near' | 'differs' | 'unknown';

export interface DateOfBirthAssessment {
  evidence: DateOfBirthEvidence;
  /** The listed alternative the evidence rests on: the agreeing one, a swapped one, or the nearest. */
  listed: ScreeningDateOfBirth | null;
}

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PRECISION_RANK = { DAY: 3, MONTH: 2, YEAR: 1 } as const;
// Listed years this close to the traveller's are a near miss (an estimated or mistyped year).
const NEAR_YEARS = 1;

export const showListedDate = (dob: ScreeningDateOfBirth) => (dob.to ? `${dob.value} to ${dob.to}` : dob.value);

/** True when the full date lies within what the listed date says, at the listed precision. */
export function dateAgrees(date: string, dob: ScreeningDateOfBirth): boolean {
  const from = date.slice(0, dob.value.length);
  if (dob.to === undefined) return from === dob.value;
  return from >= dob.value && date.slice(0, dob.to.length) <= dob.to;
}

function yearsApart(date: string, dob: ScreeningDateOfBirth): number {
  const year = Number(date.slice(0, 4));
  const low = Number(dob.value.slice(0, 4));
  const high = Number((dob.to ?? dob.value).slice(0, 4));
  return year < low ? low - year : year > high ? year - high : 0;
}

// The most precise statement first: a day beats a month beats a year; a single value beats a range.
function moreSpecific(a: ScreeningDateOfBirth, b: ScreeningDateOfBirth): boolean {
  const rank = PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision];
  return rank > 0 || (rank === 0 && a.to === undefined && b.to !== undefined);
}

/**
 * Compares the traveller's date of birth with every listed alternative, each at its own
 * precision (a day, a month, a year, or a range).
 */
export function assessDateOfBirth(travellerValue: string | null, listed: readonly ScreeningDateOfBirth[]): DateOfBirthAssessment {
  const date = travellerValue?.trim() ?? '';
  const parts = FULL_DATE.exec(date);
  if (parts === null || listed.length === 0) return { evidence: 'unknown', listed: listed[0] ?? null };
  let agreeing: ScreeningDateOfBirth | null = null;
  for (const dob of listed) {
    if (dateAgrees(date, dob) && (agreeing === null || moreSpecific(dob, agreeing))) agreeing = dob;
  }
  if (agreeing) {
    const evidence = agreeing.to !== undefined ? 'range' : agreeing.precision === 'DAY' ? 'day' : agreeing.precision === 'MONTH' ? 'month' : 'year';
    return { evidence, listed: agreeing };
  }
  // Day and month swapped is a classic data-entry slip: a near miss, still a disagreement.
  const [, year, month, day] = parts;
  if (month !== day) {
    const swapped = `${year}-${day}-${month}`;
    const swap = listed.find((dob) => dob.precision === 'DAY' && dob.to === undefined && dob.value === swapped);
    if (swap) return { evidence: 'swapped', listed: swap };
  }
  let nearest = listed[0] as ScreeningDateOfBirth;
  for (const dob of listed) if (yearsApart(date, dob) < yearsApart(date, nearest)) nearest = dob;
  return { evidence: yearsApart(date, nearest) <= NEAR_YEARS ? 'near' : 'differs', listed: nearest };
}

/** The explanation of the date-of-birth field, naming the listed alternative the assessment rests on. */
export function explainDateOfBirth(travellerValue: string | null, assessment: DateOfBirthAssessment): FieldExplanation {
  const { evidence, listed } = assessment;
  const entryValue = listed ? showListedDate(listed) : null;
  const field = 'dateOfBirth';
  const travellerField = 'dateOfBirth';
  if (evidence === 'unknown' || listed === null) {
    return { field, method: 'absent', travellerValue, travellerField, entryValue, similarity: null, agrees: null };
  }
  const precision = listed.precision;
  if (evidence === 'swapped') {
    return { field, method: 'fuzzy', travellerValue, travellerField, entryValue, similarity: 0.5, agrees: false, precision };
  }
  if (evidence === 'near' || evidence === 'differs') {
    return { field, method: 'none', travellerValue, travellerField, entryValue, similarity: 0, agrees: false, precision };
  }
  return { field, method: 'exact', travellerValue, travellerField, entryValue, similarity: 1, agrees: true, precision };
}
