import { z } from 'zod';
import { MATCH_THRESHOLD_RANGE } from './watchlist-source-values';

// What the browser needs without zod is in watchlist-source-values.ts (zod loads with a form's submit).
export * from './watchlist-source-values';

// A watchlist as the administrator sees it: its size and freshness, never its entries.
export interface WatchlistSourceView {
  code: string;
  name: string;
  description: string | null;
  active: boolean;
  lastImportedAt: string | null;
  /** The built-in engine's minimum score for this list; null means the engine's default. */
  matchThreshold: number | null;
  listed: number;
  delisted: number;
}

export const updateWatchlistSourceSchema = z.strictObject({
  /** The built-in engine's minimum score for this list; null returns to the engine's default. */
  matchThreshold: z
    .number({ error: 'A number between 0.50 and 0.99, or empty for the engine’s default.' })
    .min(MATCH_THRESHOLD_RANGE.min, 'At least 0.50: lower, nearly every traveller with a common name would be raised.')
    .max(MATCH_THRESHOLD_RANGE.max, 'At most 0.99: higher, a single spelling difference would hide a listed person.')
    .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-9, 'Two decimals at most, e.g. 0.75.')
    .nullable(),
});
export type UpdateWatchlistSourceInput = z.infer<typeof updateWatchlistSourceSchema>;
