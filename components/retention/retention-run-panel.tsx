'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { RunningProgress } from '@/components/ui/running-progress';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formatCount } from '@/components/admin/admin-format';
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

/** What the run in progress has done so far: its row counts up batch by batch (read every 2 s). */
function runningFigures(items: RetentionRunView[], dryRun: boolean): string | undefined {
  const running = items.find((run) => run.status === 'RUNNING' && run.dryRun === dryRun);
  if (!running) return undefined;
  return `${dryRun ? 'would mask' : 'masked'} ${formatCount(running.masked)}, ${dryRun ? 'would erase' : 'erased'} ${formatCount(running.erased)}, held ${formatCount(running.held)}`;
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
  const [startedAt, setStartedAt] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const result: StartedRetentionRun | undefined = start.data;

  useEffect(() => {
    if (result) headingRef.current?.focus();
  }, [result]);

  function run(dryRun: boolean) {
    if (start.isPending) return;
    setConfirming(false);
    setStartedAt(Date.now());
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
      {start.isPending ? (
        <RunningProgress
          id="retention-run-progress"
          label={start.variables ? 'Dry run in progress' : 'Retention run in progress'}
          startedAt={startedAt}
          figures={runningFigures(items, start.variables === true)}
        />
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
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title="Run retention now?"
          description={
            <>
              The job masks every traveller past the masking limit and erases every record past the erasure limit that no open escalation holds, with the access
              events older than 5 years. <strong className="font-semibold text-fg">Erasure cannot be undone</strong>: the rows are deleted and their data keys
              destroyed, so no backup can bring them back. Run a dry run first to see the counts.
            </>
          }
          confirmLabel="Mask and erase now"
          destructive
          onConfirm={() => run(false)}
        />
      ) : null}
    </div>
  );
}
