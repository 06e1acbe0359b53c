'use client';

import { useId, useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { apiErrors, focusFirstInvalid, zodFieldErrors, type FieldErrors } from '@/components/hits/detail/form-errors';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { recordRepersonalisationReview } from '@/lib/queries/escalations';
import { repersonalisationReviewSchema } from '@/lib/schemas/escalation';

/** The privacy officer's note on one approved re-personalisation; recorded once. */
export function RepersonalisationReviewForm({
  escalationId,
  label,
  onRecorded,
}: {
  escalationId: string;
  /** What the form is about, for assistive technology: several forms share a page. */
  label: string;
  onRecorded: (review: { reviewedAt: string; note: string }) => void;
}) {
  const id = useId();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = repersonalisationReviewSchema.safeParse({ note });
    setMessage(null);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      focusFirstInvalid(form);
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const result = await recordRepersonalisationReview(escalationId, parsed.data.note);
      toast.success('Review recorded');
      onRecorded({ reviewedAt: result.reviewedAt, note: parsed.data.note });
    } catch (error) {
      const shown = apiErrors(error, 'The review could not be recorded. Try again.', ['note']);
      setErrors(shown.fieldErrors);
      focusFirstInvalid(form);
      setMessage(shown.message);
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={label} className="min-w-64 space-y-2">
      <Field id={`${id}-note`} label="Note" hint="At least 10 characters: was the re-personalisation lawful and proportionate?" error={errors.note}>
        {(control) => <Textarea {...control} value={note} maxLength={2000} aria-required onChange={(event) => setNote(event.target.value)} />}
      </Field>
      {message ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-bg p-2 text-sm text-danger">
          {message}
        </p>
      ) : null}
      <Button type="submit" size="sm" disabled={pending}>
        {pending ? 'Recording…' : 'Record review'}
      </Button>
    </form>
  );
}
