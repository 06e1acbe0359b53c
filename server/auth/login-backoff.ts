import 'server-only';

// The pure rules of login throttling (ASVS 5.0 V6.3); server/auth/login-throttle.ts applies them.

/** Consecutive failures after which each further attempt must wait. */
export const BACKOFF_AFTER_FAILURES = 5;
const BACKOFF_BASE_MS = 1000;
const BACKOFF_CAP_MS = 5 * 60_000;

/** The window of the per-address limit (password spraying across accounts). */
export const IP_WINDOW_MS = 10 * 60_000;
/** The window of the per-account lock rule. */
export const ACCOUNT_WINDOW_MS = 60 * 60_000;
/** Failed guesses are kept this long, longer than either window. */
export const FAILURE_RETENTION_MS = 24 * 60 * 60_000;

/**
 * How long after its last failure an account with this many consecutive failures must wait:
 * nothing below 5; then 1 s, 2 s, 4 s … doubling, at most 5 minutes.
 */
export function loginBackoffMs(consecutiveFailures: number): number {
  if (consecutiveFailures < BACKOFF_AFTER_FAILURES) return 0;
  const exponent = Math.min(consecutiveFailures - BACKOFF_AFTER_FAILURES, 30);
  return Math.min(BACKOFF_BASE_MS * 2 ** exponent, BACKOFF_CAP_MS);
}

/** Whether an attempt at `now` falls inside the back-off that the last failure started. */
export function inBackoff(consecutiveFailures: number, lastFailureAt: Date | null, now: Date): boolean {
  if (!lastFailureAt) return false;
  return now.getTime() - lastFailureAt.getTime() < loginBackoffMs(consecutiveFailures);
}
