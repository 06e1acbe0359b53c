'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatCount } from '@/components/admin/admin-format';
import { LocalTime } from '@/components/ui/local-time';
import { Button } from '@/components/ui/button';
import { RunningProgress } from '@/components/ui/running-progress';
import { ApiError } from '@/lib/api-client';
import { accessLogKeys, fetchLatestChainVerification, startChainVerification } from '@/lib/queries/access-log';
import type { ChainVerification, ChainVerificationRun } from '@/lib/schemas/access-log';

/** How often the page asks a running verification how far it is. */
const POLL_MS = 1000;

function errorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof Error) return error.message;
  return 'Something went wrong.';
}

// Plain digits (no grouping), so the figures read the same in every locale.
function seconds(durationMs: number): string {
  return (durationMs / 1000).toFixed(durationMs < 10_000 ? 2 : 1);
}

function Result({ result }: { result: ChainVerification }) {
  const matching = result.checkpoints.checked - result.checkpoints.mismatched;
  const figures = `${result.checked} events checked in ${seconds(result.durationMs)} s (${Math.round(result.eventsPerSecond)} events/s); ${matching} ${matching === 1 ? 'checkpoint matches' : 'checkpoints match'}`;
  if (!result.intact || result.firstBroken) {
    return (
      <div className="space-y-1 rounded-md border border-danger bg-danger-bg p-3 text-sm text-danger">
        <p className="font-semibold">
          <span aria-hidden="true">✕ </span>The chain is broken: {result.firstBroken?.message ?? 'an event does not match the one before it.'}
        </p>
        {result.firstBroken ? (
          <p>
            First broken at event {result.firstBroken.seq} ({result.firstBroken.kind}). {figures}
            {result.checkpoints.mismatched > 0 ? `; ${result.checkpoints.mismatched} do not match` : ''}.
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <p className="rounded-md border border-ok bg-surface p-3 text-sm">
      <span aria-hidden="true" className="text-ok">
        ✓{' '}
      </span>
      {result.lastSeq ? (
        <>
          Intact up to event {result.lastSeq} at {result.lastAt ? <LocalTime iso={result.lastAt} /> : 'an unknown time'} — {figures}.
        </>
      ) : (
        <>Intact: the log has no events yet — {figures}.</>
      )}
    </p>
  );
}

/** Who started the run shown, and when it finished. */
function RunLine({ run }: { run: ChainVerificationRun }) {
  return (
    <p className="mt-1 text-xs text-muted">
      Started by {run.startedBy} at <LocalTime iso={run.startedAt} />
      {run.finishedAt ? (
        <>
          , finished at <LocalTime iso={run.finishedAt} />
        </>
      ) : null}
      .
    </p>
  );
}

/**
 * Recomputes the hash chain over the whole log and says where it ends or first breaks. The
 * server does it in the background (minutes on a large log): the panel shows its progress,
 * then the result — also of the latest verification when the page opens, whoever started it.
 */
export function VerifyChainPanel() {
  const queryClient = useQueryClient();
  const latest = useQuery({
    queryKey: accessLogKeys.verify(),
    queryFn: fetchLatestChainVerification,
    refetchInterval: (query) => (query.state.data?.run?.status === 'RUNNING' ? POLL_MS : false),
  });
  const start = useMutation({
    mutationFn: startChainVerification,
    onSuccess: (data) => queryClient.setQueryData(accessLogKeys.verify(), data),
  });
  const [startedAt, setStartedAt] = useState(0);
  const run = latest.data?.run ?? null;
  const running = start.isPending || run?.status === 'RUNNING';
  return (
    <section aria-labelledby="verify-heading" className="space-y-3 rounded-md border border-border p-4 print:hidden">
      <div>
        <h2 id="verify-heading" className="text-lg font-semibold">
          Integrity
        </h2>
        <p className="mt-1 text-sm text-muted">
          Each event is chained by hash to the one before it. Verifying recomputes every link and compares the recorded checkpoints of
          the chain’s head, so a changed, deleted or inserted event shows. The server does it in the background: you may leave this page
          and come back for the result.
        </p>
      </div>
      <Button
        type="button"
        onClick={() => {
          setStartedAt(Date.now());
          start.mutate();
        }}
        disabled={running}
      >
        Verify the chain
      </Button>
      {running ? (
        <RunningProgress
          id="verify-progress"
          label="Verifying… this reads every event."
          startedAt={run?.status === 'RUNNING' && !start.isPending ? Date.parse(run.startedAt) : startedAt}
          value={run?.status === 'RUNNING' ? { done: run.checked, total: run.total } : undefined}
          figures={run?.status === 'RUNNING' ? `${formatCount(run.checked)} of ${formatCount(run.total)} events checked` : undefined}
        />
      ) : null}
      <div id="verify-result" role="status">
        {!running && run?.status === 'COMPLETED' && run.result ? (
          <>
            <Result result={run.result} />
            <RunLine run={run} />
          </>
        ) : null}
        {!running && run?.status === 'FAILED' ? (
          <p className="rounded-md border border-danger bg-danger-bg p-3 text-sm text-danger">Could not verify the chain: {run.error ?? 'the verification failed.'}</p>
        ) : null}
        {!running && run?.status === 'INTERRUPTED' ? (
          <p className="rounded-md border border-border bg-surface p-3 text-sm">
            The verification started by {run.startedBy} at <LocalTime iso={run.startedAt} /> stopped after {formatCount(run.checked)} of{' '}
            {formatCount(run.total)} events, without a result (its server stopped). Verify the chain again.
          </p>
        ) : null}
        {start.isError ? (
          <p className="rounded-md border border-danger bg-danger-bg p-3 text-sm text-danger">Could not verify the chain: {errorMessage(start.error)}</p>
        ) : null}
        {latest.isError ? <p className="text-sm text-danger">Could not read the latest verification: {errorMessage(latest.error)}</p> : null}
      </div>
    </section>
  );
}
