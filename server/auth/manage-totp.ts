import 'server-only';
import type { Role } from '@/generated/prisma/enums';
import { env } from '@/lib/env';
import { recordAccessEvent } from '@/server/access-log/record';
import { db } from '@/server/db';
import { ConflictError, NotFoundError, ValidationError } from '@/server/errors';
import { toUserView, userSelect } from '@/server/users/user-view';
import type { UserView } from '@/lib/schemas/user';
import type { Caller } from './caller';
import { denyAccess, requirePermission } from './require-permission';
import { base32Encode, matchTotp, newTotpSecret, otpauthUri } from './totp';
import { openTotpSecret, sealTotpSecret } from './totp-secret';

// The optional second factor (ASVS V6.5): set up by the user at /account, required for the roles
// in TOTP_REQUIRED_ROLES, reset by an administrator. The secret is shown once, while it is set up.

export const WRONG_SETUP_CODE = 'This code is not correct. Enter the code your authenticator app shows now.';

/** Whether a user of this role must use a second factor before doing anything else. */
export function totpRequiredFor(role: Role): boolean {
  return env().TOTP_REQUIRED_ROLES.includes(role);
}

function ownUserId(caller: Caller): string | null {
  return caller.actorType === 'USER' && caller.actorId ? caller.actorId : null;
}

/**
 * Starts (or restarts) the setup: a new random secret, stored sealed and not yet in force. Answers
 * it once, as text and as an otpauth:// URI. Refused while a second factor is on (an administrator resets it).
 */
export async function beginTotpSetup(caller: Caller): Promise<{ secret: string; uri: string }> {
  const userId = ownUserId(caller);
  if (!userId) return denyAccess(caller, { type: 'user' }, 'not-a-user');
  const user = await db().user.findUnique({ where: { id: userId }, select: { email: true, totpEnabledAt: true } });
  if (!user) throw new NotFoundError('This user does not exist.');
  if (user.totpEnabledAt) throw new ConflictError('Two-step sign-in is already on. An administrator can reset it.');
  const secret = newTotpSecret();
  await db().user.update({ where: { id: userId }, data: { totpSecret: sealTotpSecret(secret), totpLastStep: null } });
  const text = base32Encode(secret);
  return { secret: text, uri: otpauthUri(text, user.email) };
}

/** Turns the second factor on once a code from the new secret proves the app has it. An ALTERATION event, no secret. */
export async function confirmTotpSetup(caller: Caller, code: string, now = new Date()): Promise<{ enabledAt: string }> {
  const userId = ownUserId(caller);
  if (!userId) return denyAccess(caller, { type: 'user' }, 'not-a-user');
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
    if (!user) throw new NotFoundError('This user does not exist.');
    if (user.totpEnabledAt) throw new ConflictError('Two-step sign-in is already on.');
    if (!user.totpSecret) throw new ValidationError('Start the setup first.', { code: 'Start the setup first.' });
    const step = matchTotp(openTotpSecret(user.totpSecret), code, now, null);
    if (step === null) throw new ValidationError(WRONG_SETUP_CODE, { code: WRONG_SETUP_CODE });
    await tx.user.update({ where: { id: userId }, data: { totpEnabledAt: now, totpLastStep: step } });
    await recordAccessEvent(tx, caller, { operation: 'ALTERATION', resourceType: 'user', resourceId: userId, purpose: 'Two-step sign-in enabled' });
    return { enabledAt: now.toISOString() };
  });
}

/**
 * The user turns their own second factor off, with a current code (a borrowed session alone
 * cannot) that is then spent. Refused for a role that must use one. An ALTERATION event.
 */
export async function disableOwnTotp(caller: Caller, code: string, now = new Date()): Promise<{ enabledAt: null }> {
  const userId = ownUserId(caller);
  if (!userId) return denyAccess(caller, { type: 'user' }, 'not-a-user');
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true } });
    if (!user) throw new NotFoundError('This user does not exist.');
    if (!user.totpEnabledAt || !user.totpSecret) throw new ConflictError('Two-step sign-in is not on.');
    if (totpRequiredFor(user.role)) throw new ConflictError('Your role requires two-step sign-in; it cannot be turned off.');
    const step = matchTotp(openTotpSecret(user.totpSecret), code, now, user.totpLastStep);
    if (step === null) throw new ValidationError(WRONG_SETUP_CODE, { code: WRONG_SETUP_CODE });
    await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await recordAccessEvent(tx, caller, { operation: 'ALTERATION', resourceType: 'user', resourceId: userId, purpose: 'Two-step sign-in disabled' });
    return { enabledAt: null };
  });
}

/** An administrator turns a user's second factor off (a lost phone); the user sets it up again. An ALTERATION event. */
export async function resetUserTotp(caller: Caller, userId: string, now = new Date()): Promise<UserView> {
  await requirePermission(caller, 'users.manage', { type: 'user', id: userId });
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
    if (!before) throw new NotFoundError('This user does not exist.');
    if (!before.totpSecret && !before.totpEnabledAt) throw new ConflictError('This user has no two-step sign-in to reset.');
    const row = await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null }, select: userSelect });
    await recordAccessEvent(tx, caller, {
      operation: 'ALTERATION',
      resourceType: 'user',
      resourceId: userId,
      purpose: 'Two-step sign-in reset',
      details: { email: row.email, wasEnabled: before.totpEnabledAt !== null },
    });
    return toUserView(row, now);
  });
}

/** Since when the caller's own second factor is on, or null (never the secret). */
export async function getOwnTotpEnabledAt(caller: Caller): Promise<string | null> {
  const userId = ownUserId(caller);
  if (!userId) return null;
  const user = await db().user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
  return user?.totpEnabledAt?.toISOString() ?? null;
}
