import { MAX_TRAVELLERS_PER_SCREENING, screeningRequestSchema } from '@/lib/schemas/ingest';
import { requirePermission } from '@/server/auth/require-permission';
import { apiRoute, readBody } from '@/server/http/api-route';
import { idempotencyKeyOf, ingestAnswer } from '@/server/http/ingest-answer';
import { submitScreening } from '@/server/ingest/screenings/submit-screening';

// A full manifest with every PNR field filled stays far below 8 KB per traveller.
const MAX_BYTES = MAX_TRAVELLERS_PER_SCREENING * 8 * 1024;

export const POST = apiRoute(async ({ caller, request }) => {
  const key = idempotencyKeyOf(request);
  await requirePermission(caller, 'travellers.write', { type: 'screening' }); // before reading megabytes
  return ingestAnswer(await submitScreening(caller, await readBody(request, screeningRequestSchema, { maxBytes: MAX_BYTES }), key));
});
