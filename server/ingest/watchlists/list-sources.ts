import 'server-only';
import type { WatchlistSourceView } from '@/lib/schemas/watchlist-source';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';

/** The lists with their size and last import, for the administrator; no listed person's data. */
export async function listWatchlistSources(caller: Caller): Promise<WatchlistSourceView[]> {
  await requirePermission(caller, 'watchlists.write', { type: 'watchlist' });
  const [sources, counts] = await Promise.all([
    db().watchlistSource.findMany({ orderBy: { code: 'asc' }, select: { id: true, code: true, name: true, description: true, active: true, lastImportedAt: true, matchThreshold: true } }),
    db().$queryRaw<{ sourceId: string; listed: bigint; delisted: bigint }[]>`
      SELECT "sourceId"::text AS "sourceId",
        count(*) FILTER (WHERE "expiresAt" IS NULL OR "expiresAt" > now()) AS listed,
        count(*) FILTER (WHERE "expiresAt" <= now()) AS delisted
      FROM "WatchlistEntry" GROUP BY "sourceId"`,
  ]);
  const bySource = new Map(counts.map((row) => [row.sourceId, row]));
  return sources.map((source) => ({
    code: source.code,
    name: source.name,
    description: source.description,
    active: source.active,
    lastImportedAt: source.lastImportedAt?.toISOString() ?? null,
    matchThreshold: source.matchThreshold,
    listed: Number(bySource.get(source.id)?.listed ?? 0),
    delisted: Number(bySource.get(source.id)?.delisted ?? 0),
  }));
}
