import 'server-only';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';

/** The queue filter's choices: the watchlists and the offence categories in use. No personal data. */
export async function listHitFilterOptions(caller: Caller): Promise<{ sources: { code: string; name: string }[]; offences: string[] }> {
  await requirePermission(caller, 'hits.list', { type: 'hit-list' });
  const [sources, offences] = await Promise.all([
    db().watchlistSource.findMany({ where: { active: true }, select: { code: true, name: true }, orderBy: { name: 'asc' } }),
    db().watchlistEntry.findMany({ distinct: ['offenceCategory'], select: { offenceCategory: true }, orderBy: { offenceCategory: 'asc' } }),
  ]);
  return { sources, offences: offences.map((entry) => entry.offenceCategory) };
}
