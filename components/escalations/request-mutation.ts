'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { hitKeys } from '@/lib/queries/hits';
import type { EscalationRequestInput } from '@/lib/schemas/escalation';

/** Asks a supervisor to decide an escalation of the hit; the hit's detail and the queue change with it. */
export function useRequestEscalation(hitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EscalationRequestInput) =>
      apiFetch<{ id: string }>(`/api/v1/hits/${encodeURIComponent(hitId)}/escalations`, { body: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: hitKeys.detail(hitId) });
      void queryClient.invalidateQueries({ queryKey: hitKeys.lists() });
    },
  });
}
