import 'server-only';
import { env } from '@/lib/env';
import { runRetention } from './run-retention';

const MINUTE_MS = 60_000;

/**
 * Runs the retention job every RETENTION_INTERVAL_MINUTES (first a minute after start, so
 * a restart does not delay it by a whole interval). Several instances may all wake up: the
 * job's advisory lock lets one work and the others return at once. Never keeps the process alive.
 */
export function startRetentionSchedule(): void {
  const minutes = env().RETENTION_INTERVAL_MINUTES;
  if (minutes === 0) return;
  const tick = () => {
    runRetention().catch((error: unknown) => console.error('Retention run failed:', error instanceof Error ? error.message : error));
  };
  setTimeout(tick, MINUTE_MS).unref();
  setInterval(tick, minutes * MINUTE_MS).unref();
}
