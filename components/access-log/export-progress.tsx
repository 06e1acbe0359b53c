'use client';

import { formatBytes, plural } from '@/components/admin/admin-format';
import { Button } from '@/components/ui/button';
import { useNow } from '@/components/ui/use-now';
import type { ExportDownloadState } from './use-export-download';

function seconds(ms: number): string {
  return `${Math.max(0, Math.round(ms / 1000))} s`;
}

/** While an export arrives: an indeterminate bar (the total is not known ahead) and the figures so far. */
function Running({ state, onCancel }: { state: Extract<ExportDownloadState, { phase: 'downloading' }>; onCancel: () => void }) {
  const now = useNow(1000);
  return (
    <div className="space-y-1">
      <label htmlFor="export-progress" className="font-medium">
        Exporting…
      </label>
      <progress id="export-progress" aria-describedby="export-progress-figures" className="block h-2 w-full max-w-md accent-primary" />
      <p id="export-progress-figures" className="flex flex-wrap items-center gap-3 text-xs text-muted tabular-nums">
        <span>
          {plural(state.records, 'event', 'events')} · {formatBytes(state.bytes)} · {seconds(now - state.startedAt)}
        </span>
        <Button type="button" size="sm" variant="secondary" onClick={onCancel}>
          Cancel export
        </Button>
      </p>
    </div>
  );
}

/** The export's progress, then its result in one sentence (a live region says it once). */
export function ExportProgress({ state, onCancel }: { state: ExportDownloadState; onCancel: () => void }) {
  return (
    <div className="text-sm print:hidden">
      {state.phase === 'downloading' ? <Running state={state} onCancel={onCancel} /> : null}
      <p role="status" className={state.phase === 'failed' ? 'text-danger' : undefined}>
        {state.phase === 'done'
          ? `Exported ${plural(state.records, 'event', 'events')} (${formatBytes(state.bytes)}) to ${state.fileName} in ${seconds(state.durationMs)}.`
          : state.phase === 'failed'
            ? state.message
            : state.phase === 'cancelled'
              ? 'Export cancelled; no file was saved.'
              : ''}
      </p>
    </div>
  );
}
