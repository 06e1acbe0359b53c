'use client';

import { useMutation, useMutationState, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useMemo } from 'react';
import { toast } from '@/components/ui/toast';
import { toastWithUndo } from '@/components/ui/undo-toast';
import { ApiError } from '@/lib/api-client';
import { claimHit, claimNextHit, hitKeys, hitListOptions, patchHitListPage } from '@/lib/queries/hits';
import type { HitListItem, HitQuery } from '@/lib/schemas/hit';

// The queue's mutations: claim and release are optimistic, "Next hit" claims then opens.

export interface CurrentUser {
  id: string;
  name: string;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.body.message;
  return 'Something went wrong. Check your connection and try again.';
}

interface AssignmentVariables {
  hit: HitListItem;
  action: 'claim' | 'release';
}

const OPPOSITE = { claim: 'release', release: 'claim' } as const;
const DONE = { claim: 'Hit claimed: it is yours to review.', release: 'Hit released back to the queue.' } as const;
const UNDONE = { release: 'Claim undone: the hit is back in the queue.', claim: 'Release undone: the hit is yours again.' } as const;

/**
 * Claim or release one row: the cached page changes at once and goes back if the server says
 * no. The toast offers Undo — the opposite request, recorded in the hit's history like any other.
 */
export function useAssignmentMutation(query: HitQuery, me: CurrentUser) {
  const queryClient = useQueryClient();
  const { queryKey } = hitListOptions(query);
  const options = {
    mutationKey: hitKeys.assignment(),
    mutationFn: ({ hit, action }: AssignmentVariables) => claimHit(hit.id, action),
    onMutate: async ({ hit, action }: AssignmentVariables) => {
      await queryClient.cancelQueries({ queryKey });
      // What the server will answer: a claim also moves the hit into review.
      const expected =
        action === 'claim'
          ? { assigneeId: me.id, assigneeName: me.name, status: 'IN_REVIEW' as const }
          : { assigneeId: null, assigneeName: null, status: hit.status };
      queryClient.setQueryData(queryKey, (page) => patchHitListPage(page, [{ id: hit.id, version: hit.version, ...expected }]));
    },
    // Roll back this row only, so another row's change in flight is not undone with it.
    onError: (error: unknown, { hit }: AssignmentVariables) => {
      queryClient.setQueryData(queryKey, (page) => patchHitListPage(page, [hit]));
      toast.error(errorMessage(error));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: hitKeys.lists() }),
  };
  // The undo is the same request the other way round; its own toast offers no further undo.
  const undo = useMutation({
    ...options,
    onSuccess: (result, { action }) => {
      queryClient.setQueryData(queryKey, (page) => patchHitListPage(page, [result]));
      toast.success(UNDONE[action]);
    },
  });
  return useMutation({
    ...options,
    onSuccess: (result, { hit, action }) => {
      queryClient.setQueryData(queryKey, (page) => patchHitListPage(page, [result]));
      toastWithUndo(DONE[action], () => undo.mutate({ hit: { ...hit, ...result }, action: OPPOSITE[action] }));
    },
  });
}

/** Ids of the rows whose claim or release is still on its way to the server. */
export function usePendingAssignmentIds(): ReadonlySet<string> {
  const ids = useMutationState({
    filters: { mutationKey: hitKeys.assignment(), status: 'pending' },
    select: (mutation) => (mutation.state.variables as AssignmentVariables | undefined)?.hit.id,
  });
  return useMemo(() => new Set(ids.filter((id): id is string => typeof id === 'string')), [ids]);
}

/** "Next hit": the server claims the most urgent unassigned open hit, then its page opens. */
export function useNextHitMutation() {
  const router = useRouter();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: claimNextHit,
    onSuccess: ({ id }) => {
      void queryClient.invalidateQueries({ queryKey: hitKeys.lists() });
      router.push(`/hits/${encodeURIComponent(id)}`);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 404) toast.info(error.body.message);
      else toast.error(errorMessage(error));
    },
  });
}
