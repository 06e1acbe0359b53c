import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import type {
  RetentionDataClass,
  RetentionHolds,
  RetentionPolicies,
  RetentionPolicyUpdate,
  RetentionPolicyView,
  RetentionRunView,
} from '@/lib/schemas/retention';

// One key factory for retention administration: the server render, the client hooks and
// every mutation's invalidation name the same keys (CONVENTIONS.md habit 6).
export const retentionKeys = {
  all: ['retention'] as const,
  policies: () => [...retentionKeys.all, 'policies'] as const,
  runs: () => [...retentionKeys.all, 'runs'] as const,
  holds: () => [...retentionKeys.all, 'holds'] as const,
};

/** The four policies with the bounds an edit must keep (the legal minimum comes from the server). */
export function retentionPoliciesOptions() {
  return queryOptions({
    queryKey: retentionKeys.policies(),
    queryFn: ({ signal }) => apiFetch<RetentionPolicies>('/api/v1/retention/policies', { signal }),
  });
}

/** The last runs of the retention job, newest first. */
export function retentionRunsOptions() {
  return queryOptions({
    queryKey: retentionKeys.runs(),
    queryFn: async ({ signal }) => (await apiFetch<{ items: RetentionRunView[] }>('/api/v1/retention/runs', { signal })).items,
  });
}

/** Records kept past their erasure date by an open escalation; ids and dates only. */
export function retentionHoldsOptions() {
  return queryOptions({
    queryKey: retentionKeys.holds(),
    queryFn: ({ signal }) => apiFetch<RetentionHolds>('/api/v1/retention/holds', { signal }),
  });
}

/** 400 with field errors when refused, 409 when someone changed the policy since it was read. */
export function updateRetentionPolicy(dataClass: RetentionDataClass, input: RetentionPolicyUpdate): Promise<RetentionPolicyView> {
  return apiFetch<RetentionPolicyView>(`/api/v1/retention/policies/${encodeURIComponent(dataClass)}`, { method: 'PATCH', body: input });
}

/** Starts a run and answers at once with it (it goes on in the background); 409 while another run holds the job. */
export function startRetentionRun(dryRun: boolean): Promise<{ run: RetentionRunView }> {
  return apiFetch<{ run: RetentionRunView }>('/api/v1/retention/runs', { body: { dryRun } });
}

/** Asks a real run in progress to stop before its next batch; 409 when it is no longer running. */
export function stopRetentionRun(id: string): Promise<{ run: RetentionRunView }> {
  return apiFetch<{ run: RetentionRunView }>(`/api/v1/retention/runs/${encodeURIComponent(id)}/stop`, { method: 'POST' });
}
