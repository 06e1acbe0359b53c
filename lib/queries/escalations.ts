import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { isRefresh } from '@/lib/queries/refresh';
import type { EscalationDecisionInput, EscalationDetail, EscalationSummary } from '@/lib/schemas/escalation';

// One key factory for escalations: the server render, the client hooks and every
// mutation's invalidation name the same keys (CONVENTIONS.md habit 6).

/** The list views the supervisors' page offers through `?status=`. */
export type EscalationListStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN' | 'DECIDED' | 'ALL';

export const escalationKeys = {
  all: ['escalations'] as const,
  lists: () => [...escalationKeys.all, 'list'] as const,
  list: (status: EscalationListStatus) => [...escalationKeys.lists(), status] as const,
  details: () => [...escalationKeys.all, 'detail'] as const,
  detail: (id: string) => [...escalationKeys.details(), id] as const,
};

/** The list for one status. New requests and others' decisions show up through background refetch. */
export function escalationListOptions(status: EscalationListStatus) {
  return queryOptions({
    queryKey: escalationKeys.list(status),
    queryFn: ({ signal, client, queryKey }) => apiFetch<EscalationSummary[]>(`/api/v1/escalations?status=${status}`, { signal, background: isRefresh(client, queryKey) }),
    refetchInterval: 30_000,
  });
}

/** The list page's URL for a status: the default (pending) is left out. */
export function escalationListHref(status: EscalationListStatus): string {
  return status === 'PENDING' ? '/escalations' : `/escalations?status=${status}`;
}

/** Every GET records a consultation, so the detail is read only when asked (never in the background). */
export function fetchEscalation(id: string, signal?: AbortSignal): Promise<EscalationDetail> {
  return apiFetch<EscalationDetail>(`/api/v1/escalations/${encodeURIComponent(id)}`, { signal });
}

/** Approve or reject; answers the fresh detail, 403 for one's own request, 409 when already decided. */
export function decideEscalation(id: string, input: EscalationDecisionInput): Promise<EscalationDetail> {
  return apiFetch<EscalationDetail>(`/api/v1/escalations/${encodeURIComponent(id)}/decision`, { body: input });
}

/** The privacy officer's review of an approved re-personalisation. */
export function recordRepersonalisationReview(id: string, note: string): Promise<{ id: string; reviewedAt: string }> {
  return apiFetch<{ id: string; reviewedAt: string }>(`/api/v1/escalations/${encodeURIComponent(id)}/dpo-review`, { body: { note } });
}
