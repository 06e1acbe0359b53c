'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { toast } from '@/components/ui/toast';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { DialogFormFooter } from '@/components/ui/dialog-form-footer';
import { Field } from '@/components/ui/field';
import { apiErrors, focusFirstInvalid, zodFieldErrors, type FieldErrors } from '@/components/ui/form-errors';
import { Input } from '@/components/ui/input';
import { adminKeys, updateWatchlistSource } from '@/lib/queries/admin';
import type { WatchlistSourceView } from '@/lib/schemas/watchlist-source';
import { MATCH_THRESHOLD_RANGE } from '@/lib/schemas/watchlist-source-values';
import { ErrorSummary } from '@/components/ui/error-summary';

/** "Threshold…": sets the minimum score the built-in engine needs to raise a hit on this list. */
export function MatchThresholdDialog({ source }: { source: WatchlistSourceView }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" variant="secondary" size="sm" aria-label={`Match threshold of ${source.code}`}>
          Threshold…
        </Button>
      </DialogTrigger>
      {open ? (
        <DialogContent
          title={`Match threshold: ${source.code}`}
          description="The minimum score Proportio’s screening engine needs to raise a hit against this list. Higher means fewer false positives and a greater risk of missing a listed person; the next screening uses the new value. The change is recorded in the access log."
        >
          <MatchThresholdForm source={source} onDone={() => setOpen(false)} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function MatchThresholdForm({ source, onDone }: { source: WatchlistSourceView; onDone: () => void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(source.matchThreshold === null ? '' : source.matchThreshold.toFixed(2));
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (matchThreshold: number | null) => updateWatchlistSource(source.code, { matchThreshold }),
    onSuccess: (updated) => {
      queryClient.setQueryData<WatchlistSourceView[]>(adminKeys.watchlistSources(), (items) => items?.map((item) => (item.code === updated.code ? updated : item)));
      void queryClient.invalidateQueries({ queryKey: adminKeys.watchlistSources() });
      toast.success(updated.matchThreshold === null ? `${updated.code} uses the engine’s default threshold` : `${updated.code} raises hits from a score of ${updated.matchThreshold.toFixed(2)}`);
      onDone();
    },
  });
  const shown = save.isError ? apiErrors(save.error, 'The threshold could not be saved. Try again.', ['matchThreshold']) : null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const form = event.currentTarget;
    const trimmed = value.trim();
    const { updateWatchlistSourceSchema } = await import('@/lib/schemas/watchlist-source'); // zod loads with the first submit, not with the page
    const parsed = updateWatchlistSourceSchema.safeParse({ matchThreshold: trimmed === '' ? null : Number(trimmed) });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      focusFirstInvalid(form);
      return;
    }
    setErrors({});
    save.mutate(parsed.data.matchThreshold);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <ErrorSummary
        errors={{ matchThreshold: errors.matchThreshold ?? shown?.fieldErrors.matchThreshold ?? '' }}
        fields={[{ key: 'matchThreshold', id: `${id}-threshold`, label: 'Minimum score' }]}
      />
      <Field
        id={`${id}-threshold`}
        label="Minimum score"
        hint={`From ${MATCH_THRESHOLD_RANGE.min.toFixed(2)} to ${MATCH_THRESHOLD_RANGE.max.toFixed(2)}, two decimals. Leave empty for the engine’s default.`}
        error={errors.matchThreshold ?? shown?.fieldErrors.matchThreshold}
      >
        {(control) => (
          <Input
            {...control}
            type="number"
            inputMode="decimal"
            min={MATCH_THRESHOLD_RANGE.min}
            max={MATCH_THRESHOLD_RANGE.max}
            step={0.01}
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
        )}
      </Field>
      <DialogFormFooter message={shown?.message ?? null} pending={save.isPending} submit="Save threshold" />
    </form>
  );
}
