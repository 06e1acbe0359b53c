import 'server-only';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';

/** The queue filter's choices: the watchlists and the offence categories in use. No personal data. */
export async function listHitFilterOptions(caller: Caller): Promise<{ sources: { code: string; name: string }[]; offences: string[] }> {
  await requirePermission(caller, 'hits.list', { type: 'hit-list' });
  const [sources, offences] = await Promise.all([
    db().watchlistSource.findMany({ where: { active: true }, select: { code: true, name: true }, orderBy: { name: 'asc' } }),
    // GROUP BY in PostgreSQL: Prisma's `distinct` reads every entry and drops duplicates in
    // JavaScript — 15,565 rows on every queue page load of the five-year profile (issue 11).
    db().watchlistEntry.groupBy({ by: ['offenceCategory'], orderBy: { offenceCategory: 'asc' } }),
  ]);
  return { sources, offences: offences.map((entry) => entry.offenceCategory) };
}
