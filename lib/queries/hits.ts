import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { hitQueryToParams, type HitListPage, type HitQuery } from '@/lib/schemas/hit';

// One key factory for hits: the server prefetch, the client hooks and every
// mutation's invalidation name the same keys (CONVENTIONS.md habit 6).
export const hitKeys = {
  all: ['hits'] as const,
  lists: () => [...hitKeys.all, 'list'] as const,
  list: (query: HitQuery) => [...hitKeys.lists(), hitQueryToParams(query).toString()] as const,
  details: () => [...hitKeys.all, 'detail'] as const,
  detail: (id: string) => [...hitKeys.details(), id] as const,
  assignees: () => [...hitKeys.all, 'assignees'] as const,
};

/** A page of the queue. New hits and others' claims show up through background refetch. */
export function hitListOptions(query: HitQuery) {
  return queryOptions({
    queryKey: hitKeys.list(query),
    queryFn: ({ signal }) => apiFetch<HitListPage>(`/api/v1/hits?${hitQueryToParams(query).toString()}`, { signal }),
    refetchInterval: 30_000,
  });
}
