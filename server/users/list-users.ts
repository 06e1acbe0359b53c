import 'server-only';
import type { UserView } from '@/lib/schemas/user';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { toUserView, userSelect } from './user-view';

/** Every user, active ones first, then by name; administrators only (users.manage). */
export async function listUsers(caller: Caller, now = new Date()): Promise<UserView[]> {
  await requirePermission(caller, 'users.manage', { type: 'user' });
  const rows = await db().user.findMany({ select: userSelect, orderBy: [{ active: 'desc' }, { name: 'asc' }, { email: 'asc' }] });
  return rows.map((row) => toUserView(row, now));
}
