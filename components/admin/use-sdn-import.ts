'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '@/lib/api-client';
import { adminKeys, importSdnFile, MAX_SDN_FILE_BYTES, type SdnImportResult } from '@/lib/queries/admin';

export type SdnImportState =
  | { phase: 'idle' }
  | { phase: 'uploading'; fileName: string; loaded: number; total: number }
  | { phase: 'importing'; fileName: string; total: number }
  | { phase: 'done'; fileName: string; result: SdnImportResult }
  | { phase: 'failed'; fileName: string; message: string }
  | { phase: 'cancelled'; fileName: string };

const NOTHING = 'Nothing was imported.';

/** What went wrong, in words an administrator can act on. */
function failureMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return `The import failed. ${NOTHING}`;
  switch (error.status) {
    case 0:
      return error.message;
    case 401:
      return `Your session has ended. Sign in again, then import the file again. ${NOTHING}`;
    case 403:
      return `You do not have permission to import watchlists. ${NOTHING}`;
    case 413:
      return `The file is larger than the 32 MB the server accepts. ${NOTHING}`;
    case 400:
      return `${error.message} ${NOTHING}`;
    default:
      return error.message;
  }
}

/** Checks the server would make anyway, said before megabytes travel. */
function refusal(file: File): string | null {
  if (file.size === 0) return `The file is empty. ${NOTHING}`;
  if (file.size > MAX_SDN_FILE_BYTES) return `The file is larger than the 32 MB the server accepts. ${NOTHING}`;
  return null;
}

/**
 * One source's import of OFAC's sdn.csv: upload with progress, the server's import, the
 * result. Held by the row, not the dialog, so closing the dialog does not lose it.
 */
export function useSdnImport(sourceCode: string, onSettled: (state: SdnImportState) => void) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SdnImportState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  // Once the last byte is sent the server imports whatever the browser does next.
  const uploaded = useRef(false);
  const settled = useRef(onSettled);
  useEffect(() => {
    settled.current = onSettled;
  });
  // Leaving the page stops an upload still running (the server imports nothing it did not receive whole).
  useEffect(() => () => controller.current?.abort(), []);

  const finish = useCallback((next: SdnImportState) => {
    controller.current = null;
    setState(next);
    settled.current(next);
  }, []);

  const start = useCallback(
    (file: File) => {
      if (controller.current) return;
      const fileName = file.name;
      const refused = refusal(file);
      if (refused) {
        finish({ phase: 'failed', fileName, message: refused });
        return;
      }
      const abort = new AbortController();
      controller.current = abort;
      uploaded.current = false;
      setState({ phase: 'uploading', fileName, loaded: 0, total: file.size });
      importSdnFile(sourceCode, file, {
        signal: abort.signal,
        onProgress: ({ loaded, total }) => setState((current) => (current.phase === 'uploading' ? { ...current, loaded, total: total ?? current.total } : current)),
        onUploaded: () => {
          uploaded.current = true;
          setState({ phase: 'importing', fileName, total: file.size });
        },
      }).then(
        (result) => {
          void queryClient.invalidateQueries({ queryKey: adminKeys.watchlistSources() });
          finish({ phase: 'done', fileName, result });
        },
        (error: unknown) => {
          if (abort.signal.aborted) {
            finish({ phase: 'cancelled', fileName });
            return;
          }
          // A lost connection may hide an import that went through: read the lists again.
          void queryClient.invalidateQueries({ queryKey: adminKeys.watchlistSources() });
          finish({ phase: 'failed', fileName, message: failureMessage(error) });
        },
      );
    },
    [finish, queryClient, sourceCode],
  );

  /** Stops the upload; once it is complete there is nothing left to stop. */
  const cancel = useCallback(() => {
    if (!uploaded.current) controller.current?.abort();
  }, []);

  return { state, start, cancel, busy: state.phase === 'uploading' || state.phase === 'importing' };
}
