import { z } from 'zod';
import { MAX_ENTRIES_PER_UPSERT, watchlistEntriesRequestSchema } from '@/lib/schemas/ingest';
import { requirePermission } from '@/server/auth/require-permission';
import { apiRoute, readBody, readParam } from '@/server/http/api-route';
import { idempotencyKeyOf, ingestAnswer } from '@/server/http/ingest-answer';
import { ingestWatchlistEntries } from '@/server/ingest/watchlists/ingest-entries';

// A full batch of richly aliased entries stays well under this; anything larger is split by the sender.
const MAX_BYTES = MAX_ENTRIES_PER_UPSERT * 4 * 1024;

export const POST = apiRoute<{ source: string }>(async ({ caller, request, params }) => {
  const source = readParam(params.source, z.string().min(1).max(50), 'watchlist source');
  const key = idempotencyKeyOf(request);
  await requirePermission(caller, 'watchlists.write', { type: 'watchlist', id: source }); // before reading megabytes
  return ingestAnswer(await ingestWatchlistEntries(caller, source, await readBody(request, watchlistEntriesRequestSchema, { maxBytes: MAX_BYTES }), key));
});
