'use client';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { toast } from '@/components/ui/toast';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import type { WatchlistSourceView } from '@/lib/schemas/watchlist-source';
import { plural } from './admin-format';
import { importSummary, SdnImportResultView } from './sdn-import-result';
import { SdnImportProgress } from './sdn-import-progress';
import { useSdnImport, type SdnImportState } from './use-sdn-import';
import { ErrorSummary } from '@/components/ui/error-summary';

/** What the live region says at each step; the figures of the progress bars are not read out. */
function statusText(state: SdnImportState): string {
  switch (state.phase) {
    case 'uploading':
      return `Uploading ${state.fileName}…`;
    case 'importing':
      return 'Upload complete. Importing on the server…';
    case 'done':
      return importSummary(state.result);
    case 'cancelled':
      return 'Upload cancelled. Nothing was imported.';
    default:
      return '';
  }
}

/** "Import OFAC sdn.csv" for one source: choose the file, watch it upload and import, read the result. */
export function SdnImportDialog({ source }: { source: WatchlistSourceView }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const openRef = useRef(open);
  useEffect(() => {
    openRef.current = open;
  });
  const { state, start, cancel, busy } = useSdnImport(source.code, (settled) => {
    if (settled.phase === 'done') toast.success(`Imported ${settled.fileName} into ${source.code}: ${plural(settled.result.rows, 'row', 'rows')} read`);
    // With the dialog closed, a failure would otherwise go unnoticed.
    if (settled.phase === 'failed' && !openRef.current) toast.error(`Import into ${source.code} failed: ${settled.message}`);
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" size="sm" variant="secondary">
          Import OFAC sdn.csv<span className="sr-only"> into {source.code}</span>
        </Button>
      </DialogTrigger>
      {busy ? (
        <span role="status" className="ml-2 text-xs text-muted">
          {state.phase === 'uploading' ? 'Uploading…' : 'Importing…'}
        </span>
      ) : null}
      <DialogContent
        title={`Import OFAC sdn.csv into ${source.code}`}
        description={
          <>
            The file exactly as OFAC publishes it. Rows that cannot be read are listed with their line number and the rest are imported. Only a
            file read without errors delists the entries missing from it.
          </>
        }
        className="w-[min(48rem,calc(100vw-2rem))]"
      >
        <SdnImportBody id={id} state={state} busy={busy} onStart={start} onCancel={cancel} />
      </DialogContent>
    </Dialog>
  );
}

function SdnImportBody({
  id,
  state,
  busy,
  onStart,
  onCancel,
}: {
  id: string;
  state: SdnImportState;
  busy: boolean;
  onStart: (file: File) => void;
  onCancel: () => void;
}) {
  const fileRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const phase = state.phase;

  // When the result arrives, the reader lands on it (the live region has said it in one sentence).
  const previous = useRef(phase);
  useEffect(() => {
    if (phase === 'done' && previous.current !== 'done') resultRef.current?.focus();
    previous.current = phase;
  }, [phase]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError('Choose the sdn.csv file to import.');
      fileRef.current?.focus();
      return;
    }
    setFileError(undefined);
    onStart(file);
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} noValidate className="space-y-4">
        <ErrorSummary errors={{ file: fileError ?? '' }} fields={[{ key: 'file', id: `${id}-file`, label: 'OFAC sdn.csv file' }]} />
        <Field id={`${id}-file`} label="OFAC sdn.csv file" hint="The sdn.csv file as downloaded from OFAC, at most 32 MB." error={fileError}>
          {(control) => (
            <input
              {...control}
              ref={fileRef}
              type="file"
              accept=".csv,text/csv"
              aria-required
              disabled={busy}
              onChange={() => setFileError(undefined)}
              className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium"
            />
          )}
        </Field>
        <div className="flex flex-wrap justify-end gap-2">
          {phase === 'uploading' ? (
            <Button type="button" variant="secondary" onClick={onCancel}>
              Cancel upload
            </Button>
          ) : (
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                Close
              </Button>
            </DialogClose>
          )}
          {/* aria-disabled, not disabled: the button keeps focus while the import runs. */}
          <Button type="submit" aria-disabled={busy || undefined} className={busy ? 'cursor-progress opacity-60' : undefined}>
            {busy ? 'Importing…' : 'Import'}
          </Button>
        </div>
      </form>
      <SdnImportProgress id={id} state={state} />
      <p role="status" aria-live="polite" className="text-sm">
        {statusText(state)}
      </p>
      {state.phase === 'failed' ? (
        <div role="alert" className="rounded-md border border-danger bg-danger-bg p-3 text-sm text-danger">
          <p className="font-semibold">
            <span aria-hidden="true">✕ </span>The import of {state.fileName} failed.
          </p>
          <p className="mt-1">{state.message}</p>
        </div>
      ) : null}
      {state.phase === 'done' ? <SdnImportResultView fileName={state.fileName} result={state.result} headingRef={resultRef} /> : null}
    </div>
  );
}
