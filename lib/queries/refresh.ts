import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Whether a fetch refreshes data the page already shows (the 30-second poll, a refetch on window
 * focus or after a mutation): such a fetch is sent as background, so it never extends the session's
 * idle time — the user's own requests (opening a page, a new filter, a decision) do.
 */
export function isRefresh(client: QueryClient, queryKey: QueryKey): boolean {
  return client.getQueryState(queryKey)?.data !== undefined;
}
