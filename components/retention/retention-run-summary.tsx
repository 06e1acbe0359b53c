import type { RefObject } from 'react';
import { formatCount, plural } from '@/components/admin/admin-format';
import type { RetentionRunView } from '@/lib/schemas/retention';
import { formatDuration } from './retention-labels';

/** One sentence for the live region and the summary: what the run did, or would do. */
export function runSummary(run: RetentionRunView): string {
  const took = run.durationMs === null ? '' : ` in ${formatDuration(run.durationMs)}`;
  const memories = plural(run.suppressionsErased, 'cleared-hit memory', 'cleared-hit memories');
  const finished = run.status === 'COMPLETED';
  if (run.dryRun) {
    if (!finished) return `The dry run did not finish${run.error ? `: ${run.error}` : ' (its server stopped)'}. Nothing was changed; try again.`;
    return `Dry run finished${took}; nothing was changed. A run now would mask ${plural(run.masked, 'traveller', 'travellers')}, erase ${formatCount(run.erased)} with their hits and ${memories}; ${formatCount(run.held)} past their erasure date are held by an open escalation.`;
  }
  const done = `masked ${plural(run.masked, 'traveller', 'travellers')}, erased ${formatCount(run.erased)} with their hits, ${memories} and ${plural(run.eventsErased, 'access event', 'access events')} past 5 years`;
  // The held records are counted at the end, so only a finished run knows them.
  if (run.status === 'STOPPED') return `The run was stopped by ${run.stopRequestedBy ?? 'an administrator'}${took}. Before it stopped it ${done}. Those batches stay done; the next run goes on from there.`;
  if (run.status === 'INTERRUPTED') return `The run stopped in the middle (its server stopped). Before it stopped it ${done}. Those batches stay done; run again to finish.`;
  if (run.status === 'FAILED') return `The run failed${took}: ${run.error ?? 'unknown error'}. Before it failed it ${done}. Those batches stay done; run again to finish.`;
  return `Run finished${took}: ${done}; ${formatCount(run.held)} held by an open escalation.`;
}

/** The result of the run just started here, its heading focused when it appears. */
export function RetentionRunSummary({ run, headingRef }: { run: RetentionRunView; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const failed = run.status !== 'COMPLETED';
  return (
    <section aria-labelledby="retention-run-result-heading" className={failed ? 'rounded-md border border-danger bg-danger-bg p-4 text-danger' : 'rounded-md border border-border p-4'}>
      <h3 id="retention-run-result-heading" ref={headingRef} tabIndex={-1} className="font-semibold">
        {run.dryRun ? 'Result of the dry run' : run.status === 'STOPPED' ? 'The retention run was stopped' : failed ? 'The retention run did not finish' : 'Result of the retention run'}
      </h3>
      <p className="mt-1 text-sm">{runSummary(run)}</p>
    </section>
  );
}
