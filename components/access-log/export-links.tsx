'use client';

import type { MouseEvent } from 'react';
import { Link } from '@/components/ui/app-link';
import type { ExportFileFormat } from '@/lib/export-progress';
import { ExportProgress } from './export-progress';
import { useExportDownload } from './use-export-download';

const LINK_CLASS = 'inline-flex h-10 items-center rounded-md border border-border bg-surface px-4 text-sm font-medium text-fg hover:bg-border/40 aria-disabled:pointer-events-none aria-disabled:opacity-60';

/**
 * Exports as links (they work without script, and "Save link as"); a plain click reads the
 * file here instead, to show its progress and a summary (./use-export-download.ts). Either
 * way the server streams it and records the export as an access event.
 */
export function ExportLinks({ csvHref, jsonHref, label = 'Export' }: { csvHref: string; jsonHref: string; label?: string }) {
  const { state, start, cancel, busy } = useExportDownload();

  function onClick(event: MouseEvent<HTMLAnchorElement>, href: string, format: ExportFileFormat) {
    // A modified click (new tab, save) is the browser's own business.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void start(href, format);
  }

  return (
    <div className="space-y-2 print:hidden">
      <div role="group" aria-label={label} className="flex flex-wrap gap-2">
        <Link href={csvHref} download className={LINK_CLASS} aria-disabled={busy || undefined} onClick={(event) => onClick(event, csvHref, 'csv')}>
          Export CSV
        </Link>
        <Link href={jsonHref} download className={LINK_CLASS} aria-disabled={busy || undefined} onClick={(event) => onClick(event, jsonHref, 'json')}>
          Export JSON
        </Link>
      </div>
      <ExportProgress state={state} onCancel={cancel} />
    </div>
  );
}
