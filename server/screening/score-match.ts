import 'server-only';
import type { DateOfBirthEvidence } from './compare-date-of-birth';
import type { Agreement } from './compare-identifiers';

export interface MatchEvidence {
  /** The best name similarity (weak aliases already lowered). */
  nameSimilarity: number;
  dateOfBirth: DateOfBirthEvidence;
  nationality: Agreement;
  document: Agreement;
}

// A hit exists because a name matched: the name carries most of the score, so a name-only
// match of an exact name lands at NAME_WEIGHT. Identifiers then move it: a more precise
// agreeing date of birth adds more; a date years apart takes a lot away (a different
// person, most likely); a near miss takes less (an estimated year, a typo).
const NAME_WEIGHT = 0.8;
const DATE_OF_BIRTH: Readonly<Record<DateOfBirthEvidence, number>> = {
  day: 0.12,
  month: 0.09,
  year: 0.06,
  range: 0.04,
  unknown: 0,
  swapped: -0.04,
  near: -0.06,
  differs: -0.15,
};
// Nationality says little (many people share one, people hold several): a small weight.
const NATIONALITY = { agrees: 0.03, differs: -0.03 };
// The same document number says a lot; a different one little (people hold several).
const DOCUMENT = { agrees: 0.2, differs: 0 };

const round = (value: number) => Math.round(value * 1000) / 1000;
const weigh = (agreement: Agreement, weights: { agrees: number; differs: number }) =>
  agreement === null ? 0 : agreement ? weights.agrees : weights.differs;

/** The match score in [0, 1], three decimals. More agreeing evidence never lowers it. */
export function scoreMatch(evidence: MatchEvidence): number {
  const score =
    NAME_WEIGHT * evidence.nameSimilarity +
    DATE_OF_BIRTH[evidence.dateOfBirth] +
    weigh(evidence.nationality, NATIONALITY) +
    weigh(evidence.document, DOCUMENT);
  return round(Math.min(1, Math.max(0, score)));
}
