'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from '@/components/ui/toast';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import { toastWithUndo } from '@/components/ui/undo-toast';
import { ROLE_LABELS } from '@/lib/format';
import { assignHits, hitKeys, hitListOptions, patchHitListPage } from '@/lib/queries/hits';
import type { AssignHitsInput, HitClaimResult, HitQuery } from '@/lib/schemas/hit';
import { errorMessage } from './hit-queue-mutations';

export interface Assignee {
  id: string;
  name: string;
  role: string;
}

/** Who held each hit before an assignment, so Undo can give each back (one request per previous assignee). */
type PreviousAssignments = { id: string; assigneeId: string | null }[];

async function restoreAssignments(previous: PreviousAssignments): Promise<HitClaimResult[]> {
  const groups = new Map<string | null, string[]>();
  for (const { id, assigneeId } of previous) groups.set(assigneeId, [...(groups.get(assigneeId) ?? []), id]);
  const restored: HitClaimResult[] = [];
  for (const [assigneeId, hitIds] of groups) restored.push(...(await assignHits({ hitIds, assigneeId })).updated);
  return restored;
}

/** Supervisors: assign or unassign the selected rows of this page in one request. */
export function BulkAssignBar({
  query,
  selectedIds,
  assignees,
  onDone,
}: {
  query: HitQuery;
  selectedIds: string[];
  assignees: Assignee[];
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [assigneeId, setAssigneeId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { queryKey } = hitListOptions(query);
  const undo = useMutation({
    mutationFn: restoreAssignments,
    onSuccess: (restored) => {
      queryClient.setQueryData(queryKey, (page) => patchHitListPage(page, restored));
      toast.success('Assignment undone: each hit is back with whoever had it.');
    },
    onError: (failure) => toast.error(errorMessage(failure)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: hitKeys.lists() }),
  });
  const mutation = useMutation({
    mutationFn: assignHits,
    onMutate: (input: AssignHitsInput): { previous: PreviousAssignments } => {
      const page = queryClient.getQueryData(queryKey);
      const selected = new Set(input.hitIds);
      return { previous: (page?.items ?? []).filter((hit) => selected.has(hit.id)).map(({ id, assigneeId }) => ({ id, assigneeId })) };
    },
    onSuccess: ({ updated }, input, context) => {
      queryClient.setQueryData(queryKey, (page) => patchHitListPage(page, updated));
      const person = assignees.find((candidate) => candidate.id === input.assigneeId)?.name;
      const count = `${updated.length} ${updated.length === 1 ? 'hit' : 'hits'}`;
      const message = person ? `Assigned ${count} to ${person}.` : `Unassigned ${count}.`;
      if (context.previous.length > 0) toastWithUndo(message, () => undo.mutate(context.previous));
      else toast.success(message);
      onDone();
    },
    onError: (failure) => toast.error(errorMessage(failure)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: hitKeys.lists() }),
  });

  async function submit(target: string | null) {
    const { assignHitsSchema } = await import('@/lib/schemas/hit'); // zod loads with the first submit, not with the page
    const parsed = assignHitsSchema.safeParse({ hitIds: selectedIds, assigneeId: target });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the selection.');
      return;
    }
    setError(null);
    mutation.mutate(parsed.data);
  }

  const count = selectedIds.length;
  const none = count === 0;
  return (
    <section aria-label="Bulk assignment" className="flex flex-wrap items-center gap-3 rounded-md border border-border bg-surface px-4 py-3 text-sm">
      <p role="status" className="font-medium">
        {none ? 'Select hits with the checkboxes to assign them.' : `${count} selected`}
      </p>
      <Label htmlFor="bulk-assignee">Assign to</Label>
      <Select
        id="bulk-assignee"
        className="h-8 w-56"
        value={assigneeId}
        disabled={none}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'bulk-assign-error' : undefined}
        onChange={(event) => {
          setAssigneeId(event.target.value);
          setError(null);
        }}
      >
        <option value="">Choose a person…</option>
        {assignees.map((assignee) => (
          <option key={assignee.id} value={assignee.id}>
            {assignee.name} ({ROLE_LABELS[assignee.role as keyof typeof ROLE_LABELS] ?? assignee.role})
          </option>
        ))}
      </Select>
      <Button size="sm" disabled={none || mutation.isPending} onClick={() => submit(assigneeId)}>
        Assign
      </Button>
      <Button size="sm" variant="secondary" disabled={none || mutation.isPending} onClick={() => submit(null)}>
        Unassign
      </Button>
      {error ? (
        <p id="bulk-assign-error" role="alert" className="text-danger">
          {error}
        </p>
      ) : null}
    </section>
  );
}
