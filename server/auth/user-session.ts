import 'server-only';
import type { Role, SessionEndReason } from '@/generated/prisma/enums';
import { env } from '@/lib/env';
import type { SessionEndedReason } from '@/lib/session-activity';
import { recordAccessEvent } from '@/server/access-log/record';
import { db, type Tx } from '@/server/db';
import type { RequestMeta } from './authenticate';

// The server side of a session (ASVS V7.3): the JWT is stateless, so each sign-in gets a Session
// row that the token names (`sid`). Every request checks it; user activity moves lastSeenAt.

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

export function sessionLimits(): SessionLimits {
  const config = env();
  return { idleMs: config.SESSION_IDLE_MINUTES * 60_000, absoluteMs: config.SESSION_MAX_AGE * 1000 };
}

/** lastSeenAt is written at most this often: a session idles out up to this much early, and most requests write nothing. */
export const TOUCH_INTERVAL_MS = 60_000;

/** Whether a request counts as the user's activity ('background': a refresh the browser made on its own). */
export type Activity = 'user' | 'background';

const REASONS: Record<SessionEndReason, SessionEndedReason> = { LOGOUT: 'logout', IDLE: 'idle', ABSOLUTE: 'absolute' };

export interface SessionDeadlines {
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

interface SessionRow {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
  endReason: SessionEndReason | null;
}

export function sessionDeadlines(row: { createdAt: Date; lastSeenAt: Date }, limits: SessionLimits): SessionDeadlines {
  return {
    idleExpiresAt: new Date(row.lastSeenAt.getTime() + limits.idleMs),
    absoluteExpiresAt: new Date(row.createdAt.getTime() + limits.absoluteMs),
  };
}

/** Why an open session is over at `now`, or null while it lasts (a limit reached exactly still lasts). */
export function expiryOf(row: { createdAt: Date; lastSeenAt: Date }, now: Date, limits: SessionLimits): 'ABSOLUTE' | 'IDLE' | null {
  const deadlines = sessionDeadlines(row, limits);
  if (now > deadlines.absoluteExpiresAt) return 'ABSOLUTE';
  if (now > deadlines.idleExpiresAt) return 'IDLE';
  return null;
}

/** A new session for a sign-in, inside its transaction: a fresh id every time. */
export async function startSession(tx: Tx, userId: string, now: Date): Promise<string> {
  const row = await tx.session.create({ data: { userId, createdAt: now, lastSeenAt: now }, select: { id: true } });
  return row.id;
}

export type SessionCheck = { ok: true; deadlines: SessionDeadlines } | { ok: false; reason: SessionEndedReason | null };

/** The server-side session as checkSessionRow needs it: the row the token names, if any. */
export type CheckedSessionRow = SessionRow & { userId: string };

/**
 * Checks the session a token names (its row, read with the user in one statement by
 * resolve-session.ts) at `now`: unknown, another user's or ended → refused; past
 * the absolute or idle limit → ended here (a LOGOUT event with the reason) and refused. User
 * activity moves lastSeenAt, at most once per TOUCH_INTERVAL_MS; background requests never do.
 */
export async function checkSessionRow(
  row: CheckedSessionRow | null,
  user: { id: string; email: string; role: Role },
  meta: RequestMeta,
  options: { now: Date; activity: Activity; limits: SessionLimits },
): Promise<SessionCheck> {
  const { now, activity, limits } = options;
  if (!row || row.userId !== user.id) return { ok: false, reason: null };
  if (row.endedAt) return { ok: false, reason: row.endReason ? REASONS[row.endReason] : null };
  const expired = expiryOf(row, now, limits);
  if (expired) {
    await endSessions([{ ...row, user }], expired, meta, now, limits);
    return { ok: false, reason: REASONS[expired] };
  }
  let current: SessionRow = row;
  if (activity === 'user' && now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    // Conditional, so a concurrent logout or expiry is never undone, and the clock never goes back.
    await db().session.updateMany({ where: { id: row.id, endedAt: null, lastSeenAt: { lt: now } }, data: { lastSeenAt: now } });
    current = { ...row, lastSeenAt: now };
  }
  return { ok: true, deadlines: sessionDeadlines(current, limits) };
}

/**
 * Ends sessions for a reason, each once (a concurrent end of the same session writes nothing), with a
 * LOGOUT access event per session naming the reason, in the same transaction. An expired session is
 * marked ended at its deadline, the moment it really ended.
 */
async function endSessions(
  rows: readonly (Pick<SessionRow, 'id' | 'createdAt' | 'lastSeenAt'> & { user: { id: string; email: string; role: Role } })[],
  reason: SessionEndReason,
  meta: RequestMeta,
  now: Date,
  limits: SessionLimits,
): Promise<number> {
  let ended = 0;
  for (const row of rows) {
    const deadlines = sessionDeadlines(row, limits);
    const endedAt = reason === 'IDLE' ? deadlines.idleExpiresAt : reason === 'ABSOLUTE' ? deadlines.absoluteExpiresAt : now;
    const done = await db().$transaction(async (tx) => {
      const { count } = await tx.session.updateMany({ where: { id: row.id, endedAt: null }, data: { endedAt, endReason: reason } });
      if (count === 0) return false;
      await recordAccessEvent(
        tx,
        { actorType: 'USER', actorId: row.user.id, actorLabel: row.user.email, role: row.user.role, ...meta },
        { operation: 'LOGOUT', resourceType: 'session', resourceId: row.id, details: { reason: REASONS[reason], endedAt: endedAt.toISOString() } },
      );
      return true;
    });
    if (done) ended += 1;
  }
  return ended;
}

/** Signing out: ends this one session server-side, so its cookie, copied or replayed, is refused from now on. */
export async function endSessionByLogout(sid: string, userId: string, meta: RequestMeta, now = new Date()): Promise<boolean> {
  const row = await db().session.findUnique({
    where: { id: sid },
    select: { id: true, userId: true, createdAt: true, lastSeenAt: true, user: { select: { id: true, email: true, role: true } } },
  });
  if (!row || row.userId !== userId) return false;
  return (await endSessions([row], 'LOGOUT', meta, now, sessionLimits())) === 1;
}

/**
 * Ends every open session past its idle or absolute limit, so each such end is in the access log
 * when it happens even if its browser never comes back. Run on a schedule (instrumentation.ts).
 */
export async function endExpiredSessions(now = new Date(), limits: SessionLimits = sessionLimits()): Promise<number> {
  const candidates = await db().session.findMany({
    where: { endedAt: null, OR: [{ lastSeenAt: { lt: new Date(now.getTime() - limits.idleMs) } }, { createdAt: { lt: new Date(now.getTime() - limits.absoluteMs) } }] },
    select: { id: true, createdAt: true, lastSeenAt: true, user: { select: { id: true, email: true, role: true } } },
    take: 1000,
  });
  const meta: RequestMeta = { requestId: crypto.randomUUID(), ip: null, userAgent: null };
  let ended = 0;
  for (const reason of ['ABSOLUTE', 'IDLE'] as const) {
    ended += await endSessions(candidates.filter((row) => expiryOf(row, now, limits) === reason), reason, meta, now, limits);
  }
  return ended;
}

/**
 * An ended session's row is kept this long, then deleted: while it exists a replayed cookie is told
 * why it was refused; the end itself stays in the access log (its LOGOUT event) for as long as that log.
 */
export const ENDED_SESSION_KEEP_MS = 30 * 24 * 60 * 60_000;

/** Deletes the rows of sessions that ended more than `keepMs` before `now`; their LOGOUT events remain. */
export async function pruneEndedSessions(now = new Date(), keepMs = ENDED_SESSION_KEEP_MS): Promise<number> {
  const { count } = await db().session.deleteMany({ where: { endedAt: { lt: new Date(now.getTime() - keepMs) } } });
  return count;
}

/**
 * One pass of the sweep: ends the expired sessions first (so even one that expired long ago gets
 * its LOGOUT event), then deletes the rows of those that ended long enough ago.
 */
export async function sweepSessions(now = new Date(), limits: SessionLimits = sessionLimits()): Promise<{ ended: number; pruned: number }> {
  const ended = await endExpiredSessions(now, limits);
  return { ended, pruned: await pruneEndedSessions(now) };
}

let timer: NodeJS.Timeout | undefined;

/** Every minute, ends the sessions that expired and prunes long-ended ones (safe on several instances: each end is conditional). */
export function startSessionSweep(): void {
  if (timer) return;
  timer = setInterval(() => {
    sweepSessions().catch((error: unknown) => console.error('Sweeping sessions failed:', error instanceof Error ? error.message : error));
  }, 60_000);
  timer.unref();
}
