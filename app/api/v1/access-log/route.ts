import { parseAccessLogQuery } from '@/lib/schemas/access-log';
import { searchAccessLog } from '@/server/access-log/search-access-log';
import { apiRoute } from '@/server/http/api-route';

export const GET = apiRoute(async ({ caller, request }) => {
  const { query, ignored } = parseAccessLogQuery(new URL(request.url).searchParams);
  return { ...(await searchAccessLog(caller, query)), ignored };
});
