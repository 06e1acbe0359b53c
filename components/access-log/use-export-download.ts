'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { signInAgainHref, type ApiErrorBody } from '@/lib/api-client';
import { attachmentName, countChunk, recordCounter, recordsCounted, type ExportFileFormat } from '@/lib/export-progress';

export type ExportDownloadState =
  | { phase: 'idle' }
  | { phase: 'downloading'; format: ExportFileFormat; records: number; bytes: number; startedAt: number }
  | { phase: 'done'; fileName: string; records: number; bytes: number; durationMs: number }
  | { phase: 'failed'; message: string }
  | { phase: 'cancelled' };

// Progress is shown at most this often: a large export brings thousands of chunks a second.
const REPORT_EVERY_MS = 200;

async function refusalMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as ApiErrorBody;
    if (response.status === 401) window.location.assign(signInAgainHref(body.sessionEnded));
    return body.message;
  } catch {
    return `The export failed (${response.status}).`;
  }
}

/** Hands a finished file to the browser as a download, under the server's name. */
function saveFile(parts: BlobPart[], type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the file once the download started; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * An export streamed by the server, read here so its progress shows (records and bytes so
 * far) and it can be cancelled; the file is saved when complete, with a summary. The
 * server records the export when it starts answering, as for a plain link.
 */
export function useExportDownload() {
  const [state, setState] = useState<ExportDownloadState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async (href: string, format: ExportFileFormat) => {
    if (controller.current) return;
    const abort = new AbortController();
    controller.current = abort;
    const startedAt = Date.now();
    setState({ phase: 'downloading', format, records: 0, bytes: 0, startedAt });
    try {
      const response = await fetch(href, { signal: abort.signal, credentials: 'same-origin', cache: 'no-store' });
      if (!response.ok || !response.body) {
        setState({ phase: 'failed', message: await refusalMessage(response) });
        return;
      }
      const counter = recordCounter(format);
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      let reportedAt = 0;
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        bytes += value.byteLength;
        countChunk(counter, value);
        if (Date.now() - reportedAt >= REPORT_EVERY_MS) {
          reportedAt = Date.now();
          setState({ phase: 'downloading', format, records: recordsCounted(counter), bytes, startedAt });
        }
      }
      const fileName = attachmentName(response.headers.get('content-disposition'), `export.${format}`);
      saveFile(parts, response.headers.get('content-type') ?? 'application/octet-stream', fileName);
      setState({ phase: 'done', fileName, records: recordsCounted(counter), bytes, durationMs: Date.now() - startedAt });
    } catch {
      setState(abort.signal.aborted ? { phase: 'cancelled' } : { phase: 'failed', message: 'The export stopped: the connection was lost. Nothing was saved; try again.' });
    } finally {
      controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, start, cancel, busy: state.phase === 'downloading' };
}
