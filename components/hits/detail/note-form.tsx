'use client';

import { useId, useState, type FormEvent } from 'react';
import { toast } from '@/components/ui/toast';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { apiErrors, focusFirstInvalid, zodFieldErrors } from '@/components/ui/form-errors';
import { useAddNote } from './use-hit-actions';
import { ErrorSummary } from '@/components/ui/error-summary';

/** Adds a note to the history; the only change a decided hit still accepts. */
export function NoteForm({ hitId }: { hitId: string }) {
  const id = useId();
  const addNote = useAddNote(hitId);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const { hitNoteSchema } = await import('@/lib/schemas/hit'); // zod loads with the first submit, not with the page
    const parsed = hitNoteSchema.safeParse({ note });
    if (!parsed.success) {
      setError(zodFieldErrors(parsed.error).note);
      focusFirstInvalid(form);
      return;
    }
    setError(undefined);
    addNote.mutate(parsed.data.note, {
      onSuccess: () => {
        setNote('');
        toast.success('Note added');
      },
      onError: (failure) => {
        const shown = apiErrors(failure, 'The note could not be saved. Try again.', ['note']);
        setError(shown.fieldErrors.note ?? shown.message ?? undefined);
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate className="mt-3 space-y-2">
      <h3 className="text-sm font-semibold">Add a note</h3>
      <ErrorSummary errors={{ note: error ?? '' }} fields={[{ key: 'note', id: `${id}-note`, label: 'Note' }]} />
      <Field id={`${id}-note`} label="Note" error={error}>
        {(control) => <Textarea {...control} value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />}
      </Field>
      <Button type="submit" variant="secondary" disabled={addNote.isPending}>
        {addNote.isPending ? 'Adding…' : 'Add note'}
      </Button>
    </form>
  );
}
