'use client';

import { useId, useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { apiErrors, focusFirstInvalid, zodFieldErrors, type FieldErrors } from '@/components/hits/detail/form-errors';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { apiFetch } from '@/lib/api-client';
import { anomalyReviewSchema, type AnomalyRule } from '@/lib/schemas/access-log';

/** The privacy officer's note on one flagged item; recorded once (a second review is refused with 409). */
export function AnomalyReviewForm({
  rule,
  itemKey,
  itemLabel,
  onRecorded,
}: {
  rule: AnomalyRule;
  itemKey: string;
  /** Which item the note is about, for assistive technology: many forms share the page. */
  itemLabel: string;
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
    const parsed = anomalyReviewSchema.safeParse({ rule, itemKey, note });
    setMessage(null);
    if (!parsed.success) {
      const fieldErrors = zodFieldErrors(parsed.error);
      setErrors(fieldErrors);
      // Only the note is the reviewer's to fix; anything else is the page's fault.
      if (!fieldErrors.note) setMessage('This flag cannot be reviewed from here. Reload the page and try again.');
      focusFirstInvalid(form);
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const result = await apiFetch<{ reviewedAt: string }>('/api/v1/access-log/anomalies/review', { body: parsed.data });
      toast.success('Flag marked reviewed');
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
    <form onSubmit={submit} noValidate aria-label={`Review of ${itemLabel}`} className="min-w-56 space-y-2">
      <Field
        id={`${id}-note`}
        label={
          <>
            Note<span className="sr-only"> on {itemLabel}</span>
          </>
        }
        hint="At least 5 characters: what did you find?"
        error={errors.note}
      >
        {(control) => (
          <Textarea {...control} value={note} maxLength={2000} rows={2} aria-required className="min-h-14" onChange={(event) => setNote(event.target.value)} />
        )}
      </Field>
      {message ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-bg p-2 text-sm text-danger">
          {message}
        </p>
      ) : null}
      <Button type="submit" size="sm" disabled={pending}>
        {pending ? 'Recording…' : 'Mark reviewed'}
      </Button>
    </form>
  );
}
