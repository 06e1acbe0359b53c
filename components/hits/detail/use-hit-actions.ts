'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { toast } from '@/components/ui/toast';
import { toastWithUndo } from '@/components/ui/undo-toast';
import { ApiError, apiFetch } from '@/lib/api-client';
import { hitKeys } from '@/lib/queries/hits';
import type { HitClaimResult, HitDecisionInput, RevealInput } from '@/lib/schemas/hit';
import type { HitDetail, RevealResult, TimelineEntry } from '@/lib/schemas/hit-detail';

// The hit detail's data and operations. Every GET of a hit records an access event, so the
// detail is never refetched in the background: it changes only through the answers of the
// operations below (or an explicit invalidation after a conflict or a claim).

/** The hit, seeded by the server render. gcTime 0: coming back to the page starts from the server's fresh copy. */
export function useHitDetail(initialHit: HitDetail) {
  return useQuery({
    queryKey: hitKeys.detail(initialHit.id),
    queryFn: ({ signal }) => apiFetch<HitDetail>(`/api/v1/hits/${initialHit.id}`, { signal }),
    initialData: initialHit,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    refetchOnMount: false,
    retry: false,
  });
}

export function useDecideHit(hitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: HitDecisionInput) => apiFetch<HitDetail>(`/api/v1/hits/${hitId}/decision`, { body: input }),
    onSuccess: (detail) => {
      queryClient.setQueryData(hitKeys.detail(hitId), detail);
      void queryClient.invalidateQueries({ queryKey: hitKeys.lists() });
    },
    onError: (error) => {
      // Someone else decided first: show their decision.
      if (error instanceof ApiError && error.status === 409) void queryClient.invalidateQueries({ queryKey: hitKeys.detail(hitId) });
    },
  });
}

export function useAddNote(hitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string) => apiFetch<TimelineEntry>(`/api/v1/hits/${hitId}/notes`, { body: { note } }),
    onSuccess: (entry) => {
      queryClient.setQueryData<HitDetail>(hitKeys.detail(hitId), (hit) => (hit ? { ...hit, timeline: [...hit.timeline, entry] } : hit));
    },
  });
}

const OPPOSITE = { claim: 'release', release: 'claim' } as const;

/**
 * Claim or release; the answer updates the header at once, then the detail is read again for
 * the new permissions. The toast offers Undo: the opposite request (never for a decision).
 */
export function useAssignment(hitId: string) {
  const queryClient = useQueryClient();
  const options = {
    mutationFn: (action: 'claim' | 'release') => apiFetch<HitClaimResult>(`/api/v1/hits/${hitId}/${action}`, { method: 'POST' }),
    onError: (error: unknown) => toast.error(error instanceof ApiError ? error.message : 'The assignment could not be changed.'),
  };
  function show(result: HitClaimResult) {
    queryClient.setQueryData<HitDetail>(hitKeys.detail(hitId), (hit) =>
      hit
        ? {
            ...hit,
            status: result.status,
            version: result.version,
            assignee: result.assigneeId ? { id: result.assigneeId, name: result.assigneeName ?? '' } : null,
          }
        : hit,
    );
    void queryClient.invalidateQueries({ queryKey: hitKeys.detail(hitId) });
    void queryClient.invalidateQueries({ queryKey: hitKeys.lists() });
  }
  const undo = useMutation({
    ...options,
    onSuccess: (result: HitClaimResult, action: 'claim' | 'release') => {
      show(result);
      toast.success(action === 'release' ? 'Claim undone: the hit is back in the queue' : 'Release undone: you are reviewing this hit again');
    },
  });
  return useMutation({
    ...options,
    onSuccess: (result: HitClaimResult, action: 'claim' | 'release') => {
      show(result);
      toastWithUndo(action === 'claim' ? 'You are now reviewing this hit' : 'Hit released to the queue', () => undo.mutate(OPPOSITE[action]));
    },
  });
}

export function useNextHit() {
  const router = useRouter();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<{ id: string }>('/api/v1/hits/next', { method: 'POST' }),
    onSuccess: ({ id }) => {
      void queryClient.invalidateQueries({ queryKey: hitKeys.lists() });
      router.push(`/hits/${id}`);
    },
    onError: (error) =>
      error instanceof ApiError && error.status === 404 ? toast.info(error.message) : toast.error('The next hit could not be opened.'),
  });
}

/**
 * Reveals one field. Deliberately not a useMutation: a mutation keeps its result in the
 * QueryClient's cache, and a clear value may only live in the page's own React state.
 */
export function revealField(hitId: string, input: RevealInput): Promise<RevealResult> {
  return apiFetch<RevealResult>(`/api/v1/hits/${hitId}/reveal`, { body: input });
}
