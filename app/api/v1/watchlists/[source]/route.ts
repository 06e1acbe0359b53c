import { z } from 'zod';
import { updateWatchlistSourceSchema } from '@/lib/schemas/watchlist-source';
import { apiRoute, readBody, readParam } from '@/server/http/api-route';
import { updateWatchlistSourceThreshold } from '@/server/ingest/watchlists/update-source-threshold';

/** `{ matchThreshold: 0.75 | null }`: the list's minimum score for the built-in engine. */
export const PATCH = apiRoute<{ source: string }>(async ({ caller, request, params }) => {
  const source = readParam(params.source, z.string().min(1).max(50), 'watchlist source');
  return updateWatchlistSourceThreshold(caller, source, await readBody(request, updateWatchlistSourceSchema));
}, { requires: { permission: 'watchlists.manage', resource: (params) => ({ type: 'watchlist', id: params.source }) } });
