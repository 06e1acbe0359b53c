import 'server-only';
import type { SessionEndedReason } from '@/lib/session-activity';
import { db } from '@/server/db';
import type { RequestMeta } from './authenticate';
import type { Caller } from './caller';
import { totpRequiredFor } from './manage-totp';
import { checkSession, sessionLimits, type Activity, type SessionDeadlines, type SessionLimits } from './user-session';

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
  const user = await db().user.findUnique({
    where: { id: token.uid },
    select: { id: true, email: true, name: true, role: true, active: true, sessionsValidAfter: true, mustChangePassword: true, totpEnabledAt: true },
  });
  if (!user || !user.active) return { status: 'none' };
  if (token.issuedAt < user.sessionsValidAfter.getTime()) return { status: 'none' };
  const check = await checkSession(token.sid, user, meta, { now, activity: options.activity ?? 'user', limits: options.limits ?? sessionLimits() });
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
