import { CURSOR_IGNORED_NOTICE, parseHitQuery } from '@/lib/schemas/hit';
import { listHits } from '@/server/hits/list-hits';
import { apiRoute } from '@/server/http/api-route';

// A page of the queue. Invalid filters are ignored (and named), as on the page.
export const GET = apiRoute(async ({ caller, request }) => {
  const { query, ignored } = parseHitQuery(new URL(request.url).searchParams);
  const page = await listHits(caller, query);
  return { ...page, ignored: page.cursorIgnored ? [...ignored, { key: 'cursor', message: CURSOR_IGNORED_NOTICE }] : ignored };
});
