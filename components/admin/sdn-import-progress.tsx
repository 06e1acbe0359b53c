import type { SdnImportState } from './use-sdn-import';
import { formatBytes } from './admin-format';

/** The upload as a real progress bar, then the server's work as an indeterminate one. */
export function SdnImportProgress({ id, state }: { id: string; state: SdnImportState }) {
  if (state.phase !== 'uploading' && state.phase !== 'importing') return null;
  const total = state.total;
  const loaded = state.phase === 'importing' ? total : Math.min(state.loaded, total);
  const percent = total > 0 ? Math.round((loaded / total) * 100) : 0;
  return (
    <div className="space-y-3 rounded-md border border-border p-3 text-sm">
      <div className="space-y-1">
        <label htmlFor={`${id}-upload`} className="font-medium">
          Upload
        </label>
        <progress id={`${id}-upload`} max={total || 1} value={loaded} aria-describedby={`${id}-upload-figures`} className="block h-2 w-full accent-primary">
          {percent}%
        </progress>
        <p id={`${id}-upload-figures`} className="text-xs text-muted tabular-nums">
          {formatBytes(loaded)} of {formatBytes(total)} ({percent}%)
        </p>
      </div>
      {state.phase === 'importing' ? (
        <div className="space-y-1">
          <label htmlFor={`${id}-server`} className="font-medium">
            Importing on the server
          </label>
          {/* No value: indeterminate, as the server reports no progress of its own. */}
          <progress id={`${id}-server`} className="block h-2 w-full accent-primary" />
          <p className="text-xs text-muted">The whole OFAC list takes a few seconds. Closing this dialog does not stop it; leaving the page stops only an unfinished upload.</p>
        </div>
      ) : null}
    </div>
  );
}
