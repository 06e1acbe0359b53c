import 'server-only';
import type { Caller } from '@/server/auth/caller';
import type { Permission } from '@/server/auth/permissions';
import { denyAccess, requirePermission } from '@/server/auth/require-permission';

/**
 * What a route needs before it reads the body: a caller without the permission hears 403
 * (and leaves a DENIED event) rather than a 400 about a body they may not send at all, and
 * learns nothing from the validation messages. The server/ function checks again — this is
 * the edge's early refusal, not the guard.
 */
export interface RouteGate<P> {
  /** A permission from the table, or 'user': any signed-in person (not an API token). */
  permission: Permission | 'user';
  /** The object the refusal is recorded against, from the raw route parameters. */
  resource?: (params: P) => { type: string; id?: string };
}

const MAX_RECORDED_ID = 100;

export async function passGate<P>(caller: Caller, gate: RouteGate<P>, params: P): Promise<void> {
  const resource = gate.resource?.(params) ?? { type: 'permission' };
  // The parameter is not validated yet: record a bounded piece of whatever was sent.
  const recorded = { type: resource.type, id: resource.id?.slice(0, MAX_RECORDED_ID) };
  if (gate.permission !== 'user') return requirePermission(caller, gate.permission, recorded);
  if (caller.actorType !== 'USER' || !caller.actorId) await denyAccess(caller, recorded, 'not-a-user');
}
