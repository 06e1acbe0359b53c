import 'server-only';
import type { UpdateWatchlistSourceInput, WatchlistSourceView } from '@/lib/schemas/watchlist-source';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { listWatchlistSources } from './list-sources';

/**
 * Sets the built-in engine's minimum score for one list (null: the engine's default); the
 * next screening uses it. A change of what raises a hit is recorded as an ALTERATION event
 * with the old and new value, in the same transaction.
 */
export async function updateWatchlistSourceThreshold(caller: Caller, code: string, input: UpdateWatchlistSourceInput): Promise<WatchlistSourceView> {
  await requirePermission(caller, 'watchlists.manage', { type: 'watchlist', id: code });
  await db().$transaction(async (tx) => {
    const source = await tx.watchlistSource.findUnique({ where: { code }, select: { id: true, matchThreshold: true } });
    if (!source) throw new NotFoundError(`There is no watchlist source "${code}".`);
    await tx.watchlistSource.update({ where: { id: source.id }, data: { matchThreshold: input.matchThreshold } });
    await recordAccessEvent(tx, caller, {
      operation: 'ALTERATION',
      resourceType: 'watchlist',
      resourceId: code,
      purpose: 'Match threshold of the built-in screening changed',
      details: { field: 'matchThreshold', from: source.matchThreshold, to: input.matchThreshold },
    });
  });
  const view = (await listWatchlistSources(caller)).find((source) => source.code === code);
  if (!view) throw new NotFoundError(`There is no watchlist source "${code}".`);
  return view;
}
