import { z } from 'zod';
import { requirePermission } from '@/server/auth/require-permission';
import { apiRoute, readParam, readText } from '@/server/http/api-route';
import { idempotencyKeyOf, ingestAnswer } from '@/server/http/ingest-answer';
import { importSdnFile } from '@/server/ingest/ofac/import-sdn';

// OFAC's sdn.csv is about 5 MB; room for growth, not for anything else.
const MAX_SDN_FILE_BYTES = 32 * 1024 * 1024;

/** The body is the `sdn.csv` file as OFAC publishes it (text/csv), not JSON. */
export const POST = apiRoute<{ source: string }>(async ({ caller, request, params }) => {
  const source = readParam(params.source, z.string().min(1).max(50), 'watchlist source');
  const key = idempotencyKeyOf(request);
  // Checked before the body is read too, so a caller without the right never makes us read megabytes.
  await requirePermission(caller, 'watchlists.write', { type: 'watchlist', id: source });
  return ingestAnswer(await importSdnFile(caller, source, await readText(request, MAX_SDN_FILE_BYTES), key));
});
