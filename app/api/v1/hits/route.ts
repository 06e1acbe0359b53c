import { CURSOR_IGNORED_NOTICE, parseHitQuery } from '@/lib/schemas/hit';
import { externalHitsRequestSchema, MAX_EXTERNAL_HITS_PER_REQUEST } from '@/lib/schemas/ingest';
import { listHits } from '@/server/hits/list-hits';
import { requirePermission } from '@/server/auth/require-permission';
import { apiRoute, readBody } from '@/server/http/api-route';
import { idempotencyKeyOf, ingestAnswer } from '@/server/http/ingest-answer';
import { submitExternalHits } from '@/server/ingest/hits/submit-external-hits';

// A page of the queue. Invalid filters are ignored (and named), as on the page.
export const GET = apiRoute(async ({ caller, request }) => {
  const { query, ignored } = parseHitQuery(new URL(request.url).searchParams);
  const page = await listHits(caller, query);
  return { ...page, ignored: page.cursorIgnored ? [...ignored, { key: 'cursor', message: CURSOR_IGNORED_NOTICE }] : ignored };
});

// Hits from an external screening engine, each with its traveller (issue 7).
const MAX_BYTES = MAX_EXTERNAL_HITS_PER_REQUEST * 8 * 1024;

export const POST = apiRoute(async ({ caller, request }) => {
  const key = idempotencyKeyOf(request);
  await requirePermission(caller, 'hits.write', { type: 'hit-submission' }); // before reading megabytes
  return ingestAnswer(await submitExternalHits(caller, await readBody(request, externalHitsRequestSchema, { maxBytes: MAX_BYTES }), key));
});
