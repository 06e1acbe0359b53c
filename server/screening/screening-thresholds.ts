import 'server-only';

/** When a compared pair becomes a match; a watchlist source may set its own. */
export interface ScreeningThresholds {
  /** The overall score (names, then date of birth, nationality, document) must reach this. */
  minScore: number;
  /** The name similarity alone must reach this (a little less when a document number agrees). */
  minNameSimilarity: number;
}

// Chosen on the labelled set built from the SDN list (labelled-set.ts): see README.md.
export const DEFAULT_SCREENING_THRESHOLDS: Readonly<ScreeningThresholds> = Object.freeze({
  minScore: 0.68,
  minNameSimilarity: 0.85,
});
