import 'server-only';
import { env } from '@/lib/env';
import type { Tx } from '@/server/db';
import { db } from '@/server/db';
import { ACCOUNT_WINDOW_MS, FAILURE_RETENTION_MS, inBackoff, IP_WINDOW_MS } from './login-backoff';

// Login throttling (ASVS 5.0 V6.3), kept in the database so that it holds across app
// instances: per account an exponential back-off after 5 consecutive failures and a lock
// after LOGIN_LOCK_AFTER_FAILURES within an hour; per client address a limit on failed
// guesses across accounts (password spraying). A held attempt fails without its password
// being checked, and answers exactly as a wrong password does.

export interface ThrottleLimits {
  lockAfterFailures: number;
  lockMinutes: number;
  ipMaxFailures: number;
}

export function throttleLimits(): ThrottleLimits {
  const config = env();
  return { lockAfterFailures: config.LOGIN_LOCK_AFTER_FAILURES, lockMinutes: config.LOGIN_LOCK_MINUTES, ipMaxFailures: config.LOGIN_IP_MAX_FAILURES };
}

/** The account state the rules read; `failedLoginCount` counts consecutive failures. */
export interface ThrottledAccount {
  id: string;
  failedLoginCount: number;
  lockedUntil: Date | null;
}

export type ThrottleReason = 'ip-throttled' | 'locked' | 'throttled';

/**
 * Serialises attempts on the same address and on the same account until the transaction
 * ends, so parallel requests cannot all slip under a limit. Always address first, then
 * account: two attempts never wait for each other in opposite orders.
 */
export async function lockLoginKeys(tx: Tx, keys: { ip: string | null; account: string }): Promise<void> {
  if (keys.ip) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login-ip:${keys.ip}`}, 0))`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login-account:${keys.account}`}, 0))`;
}

/** Why an attempt must be held without checking its password, or null. */
export async function throttleReason(tx: Tx, account: ThrottledAccount | null, ip: string | null, now: Date, limits: ThrottleLimits): Promise<ThrottleReason | null> {
  if (ip) {
    const fromAddress = await tx.loginFailure.count({ where: { ip, at: { gt: new Date(now.getTime() - IP_WINDOW_MS), lte: now } } });
    if (fromAddress >= limits.ipMaxFailures) return 'ip-throttled';
  }
  if (!account) return null;
  if (account.lockedUntil && account.lockedUntil > now) return 'locked';
  if (account.failedLoginCount > 0) {
    const last = await tx.loginFailure.findFirst({ where: { userId: account.id }, orderBy: { at: 'desc' }, select: { at: true } });
    if (inBackoff(account.failedLoginCount, last?.at ?? null, now)) return 'throttled';
  }
  return null;
}

/**
 * Records a failed guess (a password checked and wrong, or an unknown or inactive account)
 * for both limits; locks the account when it reaches the hourly limit. Answers whether it did.
 */
export async function recordFailedGuess(tx: Tx, account: { id: string } | null, ip: string | null, now: Date, limits: ThrottleLimits): Promise<{ locked: boolean }> {
  await tx.loginFailure.create({ data: { at: now, userId: account?.id ?? null, ip } });
  if (!account) return { locked: false };
  await tx.user.update({ where: { id: account.id }, data: { failedLoginCount: { increment: 1 } } });
  const lastHour = await tx.loginFailure.count({ where: { userId: account.id, at: { gt: new Date(now.getTime() - ACCOUNT_WINDOW_MS), lte: now } } });
  if (lastHour < limits.lockAfterFailures) return { locked: false };
  await tx.user.update({ where: { id: account.id }, data: { lockedUntil: new Date(now.getTime() + limits.lockMinutes * 60_000) } });
  return { locked: true };
}

/**
 * Forgets an account's failures (a successful sign-in, an administrator's unlock): the counter,
 * the lock, and the account's share of its failed guesses — which still count for their address.
 */
export async function clearAccountFailures(tx: Tx, userId: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { failedLoginCount: 0, lockedUntil: null } });
  await tx.loginFailure.updateMany({ where: { userId }, data: { userId: null } });
}

/** Deletes failed guesses older than a day: past both windows, and the access log keeps every attempt. */
export async function pruneLoginFailures(now: Date): Promise<void> {
  await db().loginFailure.deleteMany({ where: { at: { lt: new Date(now.getTime() - FAILURE_RETENTION_MS) } } });
}
