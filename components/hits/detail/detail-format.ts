import { formatAge } from '@/lib/format';
import type { DatePrecision, EntryDateOfBirth, HitDetail } from '@/lib/schemas/hit-detail';
import type { RevealableField } from '@/lib/schemas/hit';

// Wording for the hit detail page: dates of birth with their precision, reveal targets, the deadline.

const PRECISION_LENGTH: Readonly<Record<DatePrecision, number>> = { YEAR: 4, MONTH: 7, DAY: 10 };
const PRECISION_WORDS: Readonly<Record<DatePrecision, string | null>> = {
  YEAR: 'year only',
  MONTH: 'month and year only',
  DAY: null,
};

/** "1951 (year only)", "1950 to 1952 (year only)", "1951-03 (month and year only)", "1951-03-04". */
export function formatEntryDateOfBirth(dob: EntryDateOfBirth): string {
  const length = PRECISION_LENGTH[dob.precision];
  const from = dob.value.slice(0, length);
  const range = dob.to ? `${from} to ${dob.to.slice(0, length)}` : from;
  const words = PRECISION_WORDS[dob.precision];
  return words ? `${range} (${words})` : range;
}

export interface RevealTarget {
  field: RevealableField;
  label: string;
}

/** Masked fields the caller could reveal, in page order. */
export function revealTargets(hit: HitDetail): RevealTarget[] {
  if (!hit.can.reveal || hit.travellerMaskedAt) return [];
  return [...hit.traveller.api, ...hit.traveller.booking].flatMap((field) =>
    field.masked && field.revealable ? [{ field: field.revealable, label: field.label }] : [],
  );
}

export function deadlineText(dueAt: string, now: Date): { overdue: boolean; text: string } {
  const due = new Date(dueAt);
  return due < now
    ? { overdue: true, text: `Overdue by ${formatAge(due, now)}` }
    : { overdue: false, text: `${formatAge(now, due)} left` };
}

export const RETENTION_NOTICE =
  'These data were masked under the retention rules (6 months after collection). Reveal is not possible: re-personalisation needs an approved escalation.';
