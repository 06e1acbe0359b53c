import { apiRoute } from '@/server/http/api-route';
import { listWatchlistSources } from '@/server/ingest/watchlists/list-sources';

export const GET = apiRoute(async ({ caller }) => ({ items: await listWatchlistSources(caller) }));
