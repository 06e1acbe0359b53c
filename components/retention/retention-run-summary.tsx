import type { RefObject } from 'react';
import { formatCount, plural } from '@/components/admin/admin-format';
import type { StartedRetentionRun } from '@/lib/schemas/retention';
import { formatDuration } from './retention-labels';

/** One sentence for the live region and the summary: what the run did, or would do. */
export function runSummary({ run, suppressionsErased }: StartedRetentionRun): string {
  const took = run.durationMs === null ? '' : ` in ${formatDuration(run.durationMs)}`;
  const memories = plural(suppressionsErased, 'cleared-hit memory', 'cleared-hit memories');
  if (run.dryRun) {
    return `Dry run finished${took}; nothing was changed. A run now would mask ${plural(run.masked, 'traveller', 'travellers')}, erase ${formatCount(run.erased)} with their hits and ${memories}; ${formatCount(run.held)} past their erasure date are held by an open escalation.`;
  }
  const counts = `masked ${plural(run.masked, 'traveller', 'travellers')}, erased ${formatCount(run.erased)} with their hits, ${memories} and ${plural(run.eventsErased, 'access event', 'access events')} past 5 years; ${formatCount(run.held)} held by an open escalation`;
  if (run.status === 'FAILED') return `The run failed${took}: ${run.error ?? 'unknown error'}. Before it failed it ${counts}. Those batches stay done; run again to finish.`;
  return `Run finished${took}: ${counts}.`;
}

/** The result of the run just started here, its heading focused when it appears. */
export function RetentionRunSummary({ result, headingRef }: { result: StartedRetentionRun; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const failed = result.run.status === 'FAILED';
  return (
    <section aria-labelledby="retention-run-result-heading" className={failed ? 'rounded-md border border-danger bg-danger-bg p-4 text-danger' : 'rounded-md border border-border p-4'}>
      <h3 id="retention-run-result-heading" ref={headingRef} tabIndex={-1} className="font-semibold">
        {result.run.dryRun ? 'Result of the dry run' : failed ? 'The retention run failed' : 'Result of the retention run'}
      </h3>
      <p className="mt-1 text-sm">{runSummary(result)}</p>
    </section>
  );
}
