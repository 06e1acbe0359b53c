import 'server-only';
import { db } from '@/server/db';

const MINUTE_MS = 60_000;

/**
 * Folds the rows the rollup triggers appended since the last run into one per key and day
 * (metrics_rollups_compact(), migration 20261126180000_metrics_rollups). The figures are the
 * same before and after: this only keeps the tables small. One instance at a time (an
 * advisory lock inside the function); false when another holds it.
 */
export async function compactMetricsRollups(): Promise<boolean> {
  const [row] = await db().$queryRaw<{ done: boolean; retention: boolean }[]>`SELECT metrics_rollups_compact() AS done, retention_state_compact() AS retention`;
  return (row?.done ?? false) && (row?.retention ?? false);
}

/** Compacts the rollups every few minutes; never keeps the process alive. */
export function startRollupCompaction(): void {
  const timer = setInterval(() => {
    compactMetricsRollups().catch((error: unknown) => console.error('Metrics rollup compaction failed:', error instanceof Error ? error.message : error));
  }, 5 * MINUTE_MS);
  timer.unref();
}
