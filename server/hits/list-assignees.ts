import 'server-only';
import type { Caller } from '@/server/auth/caller';
import { permissionsOf, ROLE_PERMISSIONS } from '@/server/auth/permissions';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';

/** The active people a supervisor can assign hits to: every role that may decide hits. */
export async function listAssignees(caller: Caller): Promise<{ id: string; name: string; role: string }[]> {
  await requirePermission(caller, 'hits.assign', { type: 'hit-assignees' });
  const roles = (Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]).filter((role) =>
    permissionsOf(role).includes('hits.decide'),
  );
  return db().user.findMany({
    where: { active: true, role: { in: roles } },
    select: { id: true, name: true, role: true },
    orderBy: { name: 'asc' },
  });
}
