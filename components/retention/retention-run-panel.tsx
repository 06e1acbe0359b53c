'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { RunningProgress } from '@/components/ui/running-progress';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formatCount } from '@/components/admin/admin-format';
import { ApiError } from '@/lib/api-client';
import { retentionKeys, retentionRunsOptions, startRetentionRun, stopRetentionRun } from '@/lib/queries/retention';
import type { RetentionRunPhase, RetentionRunView } from '@/lib/schemas/retention';
import { RetentionRunSummary, runSummary } from './retention-run-summary';
import { RetentionRunTable } from './retention-run-table';

// While a run works — started here, by another administrator or by the schedule — the runs are
// read again this often: its row counts up batch by batch.
const WHILE_RUNNING_MS = 1000;
// Otherwise this often, so that a run the schedule or someone else starts shows up without a
// reload (the list is counts and staff names: reading it records nothing). Not in a hidden tab.
const WHILE_IDLE_MS = 10_000;

const PHASES: Readonly<Record<RetentionRunPhase, string>> = {
  counting: 'counting',
  erasure: 'erasing travellers past their erasure date',
  masking: 'masking travellers past their masking limit',
  suppressions: 'erasing cleared-hit memories',
  'idempotency-keys': 'erasing expired request keys',
  'access-events': 'erasing access events past 5 years',
};

/** What the run in progress is doing and has done so far. */
function runningFigures(run: RetentionRunView): string {
  if (run.dryRun) return 'counting what a run would mask and erase';
  const doing = run.phase ? `${PHASES[run.phase]}: ` : '';
  return `${doing}erased ${formatCount(run.erased)}, masked ${formatCount(run.masked)}, ${formatCount(run.eventsErased)} access events erased`;
}

function startedByLine(run: RetentionRunView): string {
  return run.startedBy ? ` (started by ${run.startedBy})` : '';
}

/** The last runs, and for administrators "Dry run" and "Run now" (after a confirmation: erasure cannot be undone). */
export function RetentionRunPanel({ initialItems, renderedAt, canManage }: { initialItems: RetentionRunView[]; renderedAt: number; canManage: boolean }) {
  const queryClient = useQueryClient();
  // The run started from this page: its result replaces the progress when its row says it has finished.
  const [startedId, setStartedId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: (dryRun: boolean) => startRetentionRun(dryRun),
    onSuccess: ({ run }) => {
      setStartedId(run.id);
      queryClient.setQueryData<RetentionRunView[]>(retentionKeys.runs(), (items = []) => [run, ...items.filter((item) => item.id !== run.id)]);
    },
    // Refused because another run holds the job (409): show that run, and follow it.
    onError: () => void queryClient.invalidateQueries({ queryKey: retentionKeys.runs() }),
  });
  const stop = useMutation({
    mutationFn: (id: string) => stopRetentionRun(id),
    onSuccess: ({ run }) => queryClient.setQueryData<RetentionRunView[]>(retentionKeys.runs(), (items = []) => items.map((item) => (item.id === run.id ? run : item))),
  });
  const { data: items, isError, error } = useQuery({
    ...retentionRunsOptions(),
    initialData: initialItems,
    initialDataUpdatedAt: renderedAt,
    refetchInterval: (query) => (query.state.data?.some((run) => run.status === 'RUNNING') ? WHILE_RUNNING_MS : WHILE_IDLE_MS),
  });
  const [confirming, setConfirming] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const running = items.find((run) => run.status === 'RUNNING');
  const mine = startedId ? items.find((run) => run.id === startedId) : undefined;
  const result = mine && mine.status !== 'RUNNING' ? mine : undefined;
  const busy = start.isPending || running !== undefined;

  const finishedId = result?.id;
  useEffect(() => {
    if (!finishedId) return;
    headingRef.current?.focus();
    // A real run erases records, and with them the holds on them.
    void queryClient.invalidateQueries({ queryKey: retentionKeys.holds() });
  }, [finishedId, queryClient]);

  function run(dryRun: boolean) {
    if (busy) return;
    setConfirming(false);
    start.mutate(dryRun);
  }

  const pendingLabel = start.isPending
    ? 'Starting…'
    : running
      ? running.dryRun
        ? `Dry run in progress${startedByLine(running)}… nothing is changed.`
        : running.stopRequestedAt
          ? `Stopping after the current batch (asked by ${running.stopRequestedBy ?? 'an administrator'})…`
          : `Retention run in progress${startedByLine(running)}… masking and erasing in batches. You may leave this page and come back.`
      : '';

  return (
    <div className="space-y-4">
      <p id="retention-runs-description" className="max-w-4xl text-sm text-muted">
        The last 20 runs of the retention job, newest first: counts only, never personal data. The job runs on its own schedule; a dry run counts what a run would do
        and changes nothing.
      </p>
      {canManage ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="button" variant="secondary" disabled={busy} onClick={() => run(true)}>
            Dry run
          </Button>
          <Button type="button" className="bg-danger text-bg" disabled={busy} onClick={() => setConfirming(true)}>
            Run now
          </Button>
          {running && !running.dryRun && !running.stopRequestedAt ? (
            // Not destructive: the batches done stay done, and the next run goes on from there.
            <Button type="button" variant="secondary" disabled={stop.isPending} onClick={() => stop.mutate(running.id)}>
              Stop after this batch
            </Button>
          ) : null}
          <p role="status" className="text-sm text-muted">
            {pendingLabel || (result ? runSummary(result) : '')}
          </p>
        </div>
      ) : null}
      {running ? (
        <RunningProgress
          id="retention-run-progress"
          label={running.dryRun ? 'Dry run in progress' : 'Retention run in progress'}
          startedAt={Date.parse(running.startedAt)}
          figures={runningFigures(running)}
        />
      ) : null}
      {stop.isError ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-bg p-3 text-sm text-danger">
          {stop.error instanceof ApiError ? stop.error.message : 'The run could not be stopped. Try again.'}
        </p>
      ) : null}
      {start.isError ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-bg p-3 text-sm text-danger">
          {start.error instanceof ApiError ? start.error.message : 'The run could not be started. Try again.'}
        </p>
      ) : null}
      {result ? <RetentionRunSummary run={result} headingRef={headingRef} /> : null}
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
