import 'server-only';
import { db } from '@/server/db';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from './caller';
import { ForbiddenError } from './errors';
import { hasPermission, scopesAllow, type Permission } from './permissions';

/**
 * The guard every server function calls first. A refusal is recorded as a DENIED
 * event in its own transaction (the caller's would roll back with the throw).
 */
export async function requirePermission(
  caller: Caller,
  permission: Permission,
  resource: { type: string; id?: string | null } = { type: 'permission' },
): Promise<void> {
  if (callerMay(caller, permission)) return;
  const reason = caller.passwordChangeRequired ? 'password-change-required' : caller.totpSetupRequired ? 'totp-setup-required' : null;
  await recordDenial(caller, resource, reason ? { permission, reason } : { permission });
  throw new ForbiddenError(permission);
}

/**
 * Users act through their role, API tokens through their scopes; nobody else is allowed
 * anything — nor is a user who must first replace an initial password.
 */
export function callerMay(caller: Caller, permission: Permission): boolean {
  if (caller.passwordChangeRequired || caller.totpSetupRequired) return false;
  if (caller.actorType === 'USER') return hasPermission(caller.role, permission);
  if (caller.actorType === 'TOKEN') return scopesAllow(caller.scopes ?? [], permission);
  return false;
}

async function recordDenial(caller: Caller, resource: { type: string; id?: string | null }, details: Record<string, string>): Promise<void> {
  await db().$transaction(async (tx) => {
    await recordAccessEvent(tx, caller, { operation: 'DENIED', outcome: 'DENIED', resourceType: resource.type, resourceId: resource.id ?? null, details });
  });
}

/**
 * Refuses a request that the permission table alone would allow — a rule on the record
 * itself, such as four-eyes — recording the DENIED event the same way, then throwing.
 */
export async function denyAccess(caller: Caller, resource: { type: string; id?: string | null }, reason: string): Promise<never> {
  await recordDenial(caller, resource, { reason });
  throw new ForbiddenError(reason);
}
