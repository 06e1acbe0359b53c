import 'server-only';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';

/** The recipient authorities an escalation may name (the managed list). No personal data. */
export async function listRecipients(caller: Caller): Promise<{ id: string; name: string; country: string }[]> {
  await requirePermission(caller, 'escalations.request', { type: 'recipient-authorities' });
  return db().recipientAuthority.findMany({ where: { active: true }, select: { id: true, name: true, country: true }, orderBy: { name: 'asc' } });
}
