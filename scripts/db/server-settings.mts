// PostgreSQL's settings for a kept embedded cluster (npm start's, a benchmark's `--data-dir`),
// sized to the machine. The defaults are for a machine of the 1990s: 128 MB of shared
// buffers, a checkpoint every 1 GB of WAL. Measured on the one-year profile (2 M hits, 1.5 GB
// of `Hit`/`Traveller` indexes): with 128 MB every ingest wrote back dirty buffers to read the
// next index page, and inserting 5,000 travellers took 190–265 ms; with a quarter of the
// memory, 87–118 ms (scripts/bench/ingest-direct-phases.mts, scripts/bench/README.md).
// Plan-shaping settings (random_page_cost, effective_cache_size) are left alone: every query
// was tuned and its plan checked with them at their defaults.
import os from 'node:os';

const MB = 1024 * 1024;

/** A quarter of the memory for shared buffers (PostgreSQL's own advice), at least the default, at most 8 GB. */
export function sharedBuffersMb(totalMemory: number): number {
  return Math.max(128, Math.min(8 * 1024, Math.floor(totalMemory / 4 / MB)));
}

/**
 * `-c name=value` flags for a durable cluster: shared buffers by the memory; checkpoints at
 * most every 15 minutes or 4 GB of WAL, so that a page changed again and again between two is
 * written (and its full image logged) once, not after every 1 GB of ingest.
 */
export function durableServerFlags(totalMemory = os.totalmem()): string[] {
  const settings: Record<string, string> = {
    shared_buffers: `${sharedBuffersMb(totalMemory)}MB`,
    max_wal_size: '4GB',
    checkpoint_timeout: '15min',
  };
  return Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
}
