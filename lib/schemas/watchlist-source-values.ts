// The match threshold's range, without zod: what the browser's forms and lists need at first load.
// watchlist-source.ts re-exports it all; the forms load watchlist-source.ts (and zod with it) when
// submitted.

/** The range an administrator may set: below it a list floods the queue, above it the engine misses spelling variants. */
export const MATCH_THRESHOLD_RANGE = { min: 0.5, max: 0.99 } as const;
