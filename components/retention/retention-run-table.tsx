import { formatCount } from '@/components/admin/admin-format';
import { LocalTime } from '@/components/ui/local-time';
import { DataTableEmpty } from '@/components/ui/data-table';
import { cn } from '@/components/ui/cn';
import type { RetentionRunView } from '@/lib/schemas/retention';
import { formatDuration, RunStatusBadge } from './retention-labels';

const HEADERS = ['Started', 'Started by', 'Duration', 'Kind', 'Status', 'Masked', 'Erased', 'Held', 'Cleared-hit memories erased', 'Access events erased', 'Error'] as const;

/** The last runs, newest first; a dry run's counts are what a run would have done. */
export function RetentionRunTable({ items }: { items: RetentionRunView[] }) {
  return (
    <div className="relative overflow-x-auto rounded-md border border-border">
      <table className="w-full text-left text-sm" aria-describedby="retention-runs-description">
        <caption className="px-3 py-2 text-left text-sm font-semibold">Retention runs</caption>
        <thead className="bg-surface text-xs uppercase tracking-wide text-muted">
          <tr>
            {HEADERS.map((header) => (
              <th key={header} scope="col" className="px-3 py-2 font-semibold">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? <DataTableEmpty colSpan={HEADERS.length}>The retention job has not run yet. It runs on its own schedule; a dry run shows what it would do without changing anything.</DataTableEmpty> : null}
          {items.map((run) => (
            <tr key={run.id} data-retention-run-id={run.id} className={cn('border-t border-border align-top', run.dryRun && 'text-muted')}>
              <th scope="row" className="px-3 py-2 text-left font-normal whitespace-nowrap">
                <LocalTime iso={run.startedAt} />
              </th>
              <td className="px-3 py-2">{run.startedBy ?? '—'}</td>
              <td className="px-3 py-2 tabular-nums whitespace-nowrap">{run.durationMs === null ? '—' : formatDuration(run.durationMs)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{run.dryRun ? 'Dry run' : 'Run'}</td>
              <td className="px-3 py-2">
                <RunStatusBadge status={run.status} />
              </td>
              <td className="px-3 py-2 tabular-nums">{formatCount(run.masked)}</td>
              <td className="px-3 py-2 tabular-nums">{formatCount(run.erased)}</td>
              {/* Counted when a run ends: an unfinished run does not know it. */}
              <td className="px-3 py-2 tabular-nums">{run.status === 'COMPLETED' ? formatCount(run.held) : '—'}</td>
              <td className="px-3 py-2 tabular-nums">{formatCount(run.suppressionsErased)}</td>
              <td className="px-3 py-2 tabular-nums">{formatCount(run.eventsErased)}</td>
              <td className="px-3 py-2 break-words">{run.error ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
