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
