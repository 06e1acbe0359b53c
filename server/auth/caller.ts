import 'server-only';
import type { ActorType, Role } from '@/generated/prisma/enums';
import type { TokenScope } from './permissions';

// Who is acting and from where: everything an access event needs to name its actor.
export interface Caller {
  actorType: ActorType;
  actorId: string | null;
  actorLabel: string;
  role: Role | null;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  /** An API token's scopes (actorType TOKEN); users act through their role instead. */
  scopes?: readonly TokenScope[];
  /** A user who must first replace an initial password: allowed nothing until then (require-permission.ts). */
  passwordChangeRequired?: true;
  /** A user whose role requires a second factor that is not set up yet: allowed nothing until then. */
  totpSetupRequired?: true;
}

export function systemCaller(label: string): Caller {
  return {
    actorType: 'SYSTEM',
    actorId: null,
    actorLabel: label,
    role: null,
    requestId: crypto.randomUUID(),
    ip: null,
    userAgent: null,
  };
}
