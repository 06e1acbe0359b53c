import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { isRefresh } from '@/lib/queries/refresh';
import type { AssignHitsInput, HitClaimResult, HitListPage, HitQuery } from '@/lib/schemas/hit';
import { hitQueryToParams } from '@/lib/schemas/hit-values';

// One key factory for hits: the server prefetch, the client hooks and every
// mutation's invalidation name the same keys (CONVENTIONS.md habit 6).
export const hitKeys = {
  all: ['hits'] as const,
  lists: () => [...hitKeys.all, 'list'] as const,
  list: (query: HitQuery) => [...hitKeys.lists(), hitQueryToParams(query).toString()] as const,
  details: () => [...hitKeys.all, 'detail'] as const,
  detail: (id: string) => [...hitKeys.details(), id] as const,
  assignees: () => [...hitKeys.all, 'assignees'] as const,
  /** Mutation key of claim and release, so a row can tell that its change is in flight. */
  assignment: () => [...hitKeys.all, 'assignment'] as const,
};

/** A page of the queue. New hits and others' claims show up through background refetch. */
export function hitListOptions(query: HitQuery) {
  return queryOptions({
    queryKey: hitKeys.list(query),
    queryFn: ({ signal, client, queryKey }) => apiFetch<HitListPage>(`/api/v1/hits?${hitQueryToParams(query).toString()}`, { signal, background: isRefresh(client, queryKey) }),
    refetchInterval: 30_000,
  });
}

/** The queue's URL for a query: defaults left out, so a view can be bookmarked and shared. */
export function hitQueueHref(query: HitQuery): string {
  const params = hitQueryToParams(query).toString();
  return params ? `/hits?${params}` : '/hits';
}

export function claimHit(id: string, action: 'claim' | 'release'): Promise<HitClaimResult> {
  return apiFetch<HitClaimResult>(`/api/v1/hits/${encodeURIComponent(id)}/${action}`, { method: 'POST' });
}

/** Claims the most urgent unassigned open hit for the caller; 404 when none is left. */
export function claimNextHit(): Promise<{ id: string }> {
  return apiFetch<{ id: string }>('/api/v1/hits/next', { method: 'POST' });
}

export function assignHits(input: AssignHitsInput): Promise<{ updated: HitClaimResult[] }> {
  return apiFetch<{ updated: HitClaimResult[] }>('/api/v1/hits/assign', { method: 'POST', body: input });
}

/** A cached queue page with some rows' assignment replaced (optimistic updates and server answers). */
export function patchHitListPage(page: HitListPage | undefined, updates: readonly HitClaimResult[]): HitListPage | undefined {
  if (!page) return page;
  const byId = new Map(updates.map((update) => [update.id, update]));
  return {
    ...page,
    items: page.items.map((item) => {
      const update = byId.get(item.id);
      return update ? { ...item, ...update } : item;
    }),
  };
}
