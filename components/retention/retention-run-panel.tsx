'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent } from '@/components/ui/dialog';
import { ApiError } from '@/lib/api-client';
import { retentionKeys, retentionRunsOptions, startRetentionRun } from '@/lib/queries/retention';
import type { RetentionRunView, StartedRetentionRun } from '@/lib/schemas/retention';
import { RetentionRunSummary, runSummary } from './retention-run-summary';
import { RetentionRunTable } from './retention-run-table';

// While a run works, the table is read again this often: the run's row counts up batch by batch.
const WHILE_RUNNING_MS = 2000;

function useStartRetentionRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (dryRun: boolean) => startRetentionRun(dryRun),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: retentionKeys.runs() });
      void queryClient.invalidateQueries({ queryKey: retentionKeys.holds() });
    },
  });
}

/** The last runs, and for administrators "Dry run" and "Run now" (after a confirmation: erasure cannot be undone). */
export function RetentionRunPanel({ initialItems, renderedAt, canManage }: { initialItems: RetentionRunView[]; renderedAt: number; canManage: boolean }) {
  const start = useStartRetentionRun();
  const { data: items, isError, error } = useQuery({
    ...retentionRunsOptions(),
    initialData: initialItems,
    initialDataUpdatedAt: renderedAt,
    refetchInterval: start.isPending ? WHILE_RUNNING_MS : false,
  });
  const [confirming, setConfirming] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const result: StartedRetentionRun | undefined = start.data;

  useEffect(() => {
    if (result) headingRef.current?.focus();
  }, [result]);

  function run(dryRun: boolean) {
    if (start.isPending) return;
    setConfirming(false);
    start.mutate(dryRun);
  }

  const pendingLabel = start.isPending ? (start.variables ? 'Dry run in progress… nothing is changed.' : 'Retention run in progress… masking and erasing in batches.') : '';

  return (
    <div className="space-y-4">
      <p id="retention-runs-description" className="max-w-4xl text-sm text-muted">
        The last 20 runs of the retention job, newest first: counts only, never personal data. The job runs on its own schedule; a dry run counts what a run would do
        and changes nothing.
      </p>
      {canManage ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="button" variant="secondary" disabled={start.isPending} onClick={() => run(true)}>
            {start.isPending && start.variables ? 'Dry run…' : 'Dry run'}
          </Button>
          <Button type="button" className="bg-danger text-bg" disabled={start.isPending} onClick={() => setConfirming(true)}>
            {start.isPending && !start.variables ? 'Running…' : 'Run now'}
          </Button>
          <p role="status" className="text-sm text-muted">
            {pendingLabel || (result ? runSummary(result) : '')}
          </p>
        </div>
      ) : null}
      {start.isError ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-bg p-3 text-sm text-danger">
          {start.error instanceof ApiError ? start.error.message : 'The run could not be started. Try again.'}
        </p>
      ) : null}
      {result && !start.isPending ? <RetentionRunSummary result={result} headingRef={headingRef} /> : null}
      {isError ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-bg p-3 text-sm text-danger">
          Could not refresh the runs: {error instanceof ApiError ? error.message : 'the server did not answer.'} The table below is the last one loaded.
        </p>
      ) : null}
      <RetentionRunTable items={items} />
      {canManage ? (
        <Dialog open={confirming} onOpenChange={setConfirming}>
          <DialogContent
            title="Run retention now?"
            role="alertdialog"
            description={
              <>
                The job masks every traveller past the masking limit and erases every record past the erasure limit that no open escalation holds, with the access
                events older than 5 years. <strong className="font-semibold text-fg">Erasure cannot be undone</strong>: the rows are deleted and their data keys
                destroyed, so no backup can bring them back. Run a dry run first to see the counts.
              </>
            }
          >
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button type="button" variant="secondary">
                  Cancel
                </Button>
              </DialogClose>
              <Button type="button" className="bg-danger text-bg" onClick={() => run(false)}>
                Mask and erase now
              </Button>
            </div>
          </DialogContent>
        </Dialog>
      ) : null}
    </div>
  );
}
