'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-client';
import { decideEscalation, escalationKeys, fetchEscalation } from '@/lib/queries/escalations';
import type { EscalationDecisionInput, EscalationDetail } from '@/lib/schemas/escalation';

// Every GET of an escalation records a consultation, so the detail is never refetched in the
// background: it changes through the decision's answer, or an explicit refresh after a refusal.

/** The escalation, seeded by the server render. gcTime 0: coming back starts from the server's fresh copy. */
export function useEscalationDetail(initial: EscalationDetail) {
  return useQuery({
    queryKey: escalationKeys.detail(initial.id),
    queryFn: ({ signal }) => fetchEscalation(initial.id, signal),
    initialData: initial,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    refetchOnMount: false,
    retry: false,
  });
}

export function useDecideEscalation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EscalationDecisionInput) => decideEscalation(id, input),
    onSuccess: (detail) => {
      queryClient.setQueryData(escalationKeys.detail(id), detail);
      void queryClient.invalidateQueries({ queryKey: escalationKeys.lists() });
    },
    onError: (error) => {
      // Decided meanwhile, or not ours to decide: read it again to show what is true now.
      if (error instanceof ApiError && (error.status === 409 || error.status === 403)) {
        void queryClient.invalidateQueries({ queryKey: escalationKeys.detail(id) });
        void queryClient.invalidateQueries({ queryKey: escalationKeys.lists() });
      }
    },
  });
}
