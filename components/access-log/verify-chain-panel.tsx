'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { LocalTime } from '@/components/ui/local-time';
import { Button } from '@/components/ui/button';
import { RunningProgress } from '@/components/ui/running-progress';
import { ApiError } from '@/lib/api-client';
import { accessLogKeys, verifyAccessLogChain } from '@/lib/queries/access-log';
import type { ChainVerification } from '@/lib/schemas/access-log';

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

/** Recomputes the hash chain over the whole log and says where it ends or first breaks. */
export function VerifyChainPanel() {
  const verify = useMutation({ mutationKey: accessLogKeys.verify(), mutationFn: verifyAccessLogChain });
  const [startedAt, setStartedAt] = useState(0);
  return (
    <section aria-labelledby="verify-heading" className="space-y-3 rounded-md border border-border p-4 print:hidden">
      <div>
        <h2 id="verify-heading" className="text-lg font-semibold">
          Integrity
        </h2>
        <p className="mt-1 text-sm text-muted">
          Each event is chained by hash to the one before it. Verifying recomputes every link and compares the recorded checkpoints of
          the chain’s head, so a changed, deleted or inserted event shows.
        </p>
      </div>
      <Button
        type="button"
        onClick={() => {
          setStartedAt(Date.now());
          verify.mutate();
        }}
        disabled={verify.isPending}
      >
        Verify the chain
      </Button>
      {verify.isPending ? <RunningProgress id="verify-progress" label="Verifying… this reads every event." startedAt={startedAt} /> : null}
      <div id="verify-result" role="status">
        {verify.isSuccess ? <Result result={verify.data} /> : null}
        {verify.isError ? (
          <p className="rounded-md border border-danger bg-danger-bg p-3 text-sm text-danger">Could not verify the chain: {errorMessage(verify.error)}</p>
        ) : null}
      </div>
    </section>
  );
}
