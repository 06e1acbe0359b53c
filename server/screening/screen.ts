import 'server-only';

// The screening engine's public surface: build an index of a watchlist once, then screen
// travellers against it. Pure functions, no I/O. See README.md in this folder.

export { buildScreeningIndex, type ScreeningIndex, type ScreeningIndexStats } from './screening-index';
export { screenTraveller } from './screen-traveller';
export { DEFAULT_SCREENING_THRESHOLDS, type ScreeningThresholds } from './screening-thresholds';
export type { ScreeningDateOfBirth, ScreeningEntry, ScreeningMatch, ScreeningTraveller } from './screening-types';
