import 'server-only';
import type { ActorType, Role } from '@/generated/prisma/enums';

// Who is acting and from where: everything an access event needs to name its actor.
export interface Caller {
  actorType: ActorType;
  actorId: string | null;
  actorLabel: string;
  role: Role | null;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
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
