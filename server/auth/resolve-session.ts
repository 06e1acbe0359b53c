import 'server-only';
import type { Role, SessionEndReason } from '@/generated/prisma/enums';
import type { SessionEndedReason } from '@/lib/session-activity';
import { queryDirect } from '@/server/db';
import { PREPARED } from '@/server/db-statements';
import { Prisma } from '@/generated/prisma/client';
import type { RequestMeta } from './authenticate';
import type { Caller } from './caller';
import { totpRequiredFor } from './manage-totp';
import { checkSessionRow, sessionLimits, type CheckedSessionRow, type Activity, type SessionDeadlines, type SessionLimits } from './user-session';

export interface SignedIn {
  caller: Caller;
  name: string;
  /** An initial password still to be replaced: nothing but the password change is allowed. */
  mustChangePassword: boolean;
  /** The role requires a TOTP second factor that is not set up: nothing but its setup is allowed. */
  totpSetupRequired: boolean;
  /** The server-side session the token names, and when it ends without activity or at the latest. */
  session: { id: string } & SessionDeadlines;
}

/** What a session token amounts to: signed in, a session that ended (and why, when known), or nothing. */
export type SessionState = { status: 'signed-in'; signedIn: SignedIn } | { status: 'ended'; reason: SessionEndedReason } | { status: 'none' };

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  sessionsValidAfter: Date;
  mustChangePassword: boolean;
  totpEnabledAt: Date | null;
}

// Ids that are not UUIDs name nothing: answered without asking the database (which would refuse the cast).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The user a token names, and the server-side session it names if that exists. */
async function readUserAndSession(uid: string, sid: string): Promise<{ user: UserRow; session: CheckedSessionRow | null } | null> {
  if (!UUID.test(uid)) return null;
  const sessionId = UUID.test(sid) ? sid : null;
  const [row] = await queryDirect<UserRow & { s_id: string | null; s_userId: string | null; s_createdAt: Date | null; s_lastSeenAt: Date | null; s_endedAt: Date | null; s_endReason: SessionEndReason | null }>(Prisma.sql`${PREPARED}
    SELECT u.id, u.email, u.name, u.role, u.active, u."sessionsValidAfter", u."mustChangePassword", u."totpEnabledAt",
           s.id AS "s_id", s."userId" AS "s_userId", s."createdAt" AS "s_createdAt", s."lastSeenAt" AS "s_lastSeenAt",
           s."endedAt" AS "s_endedAt", s."endReason" AS "s_endReason"
      FROM "User" u
      LEFT JOIN "Session" s ON s.id = ${sessionId}::uuid
     WHERE u.id = ${uid}::uuid`);
  if (!row) return null;
  const { s_id, s_userId, s_createdAt, s_lastSeenAt, s_endedAt, s_endReason, ...user } = row;
  const session =
    s_id !== null && s_userId !== null && s_createdAt !== null && s_lastSeenAt !== null
      ? { id: s_id, userId: s_userId, createdAt: s_createdAt, lastSeenAt: s_lastSeenAt, endedAt: s_endedAt, endReason: s_endReason }
      : null;
  return { user, session };
}

export interface SessionToken {
  uid: string;
  /** The server-side session (user-session.ts); a token without one is refused. */
  sid?: string;
  issuedAt: number;
}

export interface ResolveOptions {
  now?: Date;
  activity?: Activity;
  limits?: SessionLimits;
}

/**
 * The user a session token names, as a Caller, or why not. Role, active state and the password
 * obligation come from the database on every request, so a role change or deactivation applies
 * at once; a token issued before the user's sessionsValidAfter (role change, deactivation,
 * password change) is refused; its server-side session must be open and within its idle and
 * absolute limits, and user activity (not background refreshes) extends it.
 */
export async function resolveSessionState(token: SessionToken, meta: RequestMeta, options: ResolveOptions = {}): Promise<SessionState> {
  const now = options.now ?? new Date();
  if (!token.sid) return { status: 'none' };
  // The user and the session the token names in one statement (this runs before every request's work).
  const found = await readUserAndSession(token.uid, token.sid);
  if (!found) return { status: 'none' };
  const { user, session } = found;
  if (!user.active) return { status: 'none' };
  if (token.issuedAt < user.sessionsValidAfter.getTime()) return { status: 'none' };
  const check = await checkSessionRow(session, user, meta, { now, activity: options.activity ?? 'user', limits: options.limits ?? sessionLimits() });
  if (!check.ok) return check.reason ? { status: 'ended', reason: check.reason } : { status: 'none' };
  const caller: Caller = { actorType: 'USER', actorId: user.id, actorLabel: user.email, role: user.role, ...meta };
  // Such a caller holds no permission (require-permission.ts) until the password is changed.
  if (user.mustChangePassword) caller.passwordChangeRequired = true;
  const totpSetupRequired = user.totpEnabledAt === null && totpRequiredFor(user.role);
  if (totpSetupRequired) caller.totpSetupRequired = true;
  return {
    status: 'signed-in',
    signedIn: { caller, name: user.name, mustChangePassword: user.mustChangePassword, totpSetupRequired, session: { id: token.sid, ...check.deadlines } },
  };
}

export async function resolveSession(token: SessionToken, meta: RequestMeta, options: ResolveOptions = {}): Promise<SignedIn | null> {
  const state = await resolveSessionState(token, meta, options);
  return state.status === 'signed-in' ? state.signedIn : null;
}
