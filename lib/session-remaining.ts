import type { SessionStatus } from './session-activity';

// How long the signed-in session has left, as the user menu says it. The deadlines are the
// server's; the browser's clock only measures the time since the server answered, so a
// browser whose clock is wrong still counts right.

export interface SessionRemaining {
  /** Until the idle sign-out, if the user does nothing more. */
  idleMs: number;
  /** Until the absolute limit, whatever the user does. */
  absoluteMs: number;
  /** Which comes first. */
  endsBy: 'idle' | 'absolute';
}

/** The time left, by the server's clock estimated from its last answer (`receivedAt`: the browser's clock then). */
export function sessionRemaining(status: SessionStatus & { receivedAt: number }, clientNow: number): SessionRemaining {
  const serverNow = Date.parse(status.serverNow) + (clientNow - status.receivedAt);
  const idleMs = Math.max(0, Date.parse(status.idleExpiresAt) - serverNow);
  const absoluteMs = Math.max(0, Date.parse(status.absoluteExpiresAt) - serverNow);
  return { idleMs, absoluteMs, endsBy: absoluteMs < idleMs ? 'absolute' : 'idle' };
}

/**
 * "27 min", "1 h 05 min", "less than a minute": rounded up to the minute, so it never
 * says a minute less than is left (and never "0 min" while the session lasts).
 */
export function formatTimeLeft(ms: number): string {
  if (ms < 60_000) return 'less than a minute';
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** The user menu's sentence: the idle sign-out, or the absolute limit when that comes first. */
export function sessionRemainingText(remaining: SessionRemaining): string {
  if (remaining.idleMs === 0 || remaining.absoluteMs === 0) return 'Your session has ended.';
  if (remaining.endsBy === 'absolute') return `Signed out in ${formatTimeLeft(remaining.absoluteMs)}: the session’s time limit`;
  return `Signed out in ${formatTimeLeft(remaining.idleMs)} if idle`;
}
