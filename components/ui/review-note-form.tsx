'use client';

import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { toast } from '@/components/ui/toast';
import type { z } from 'zod';
import { Button } from './button';
import { ErrorSummary } from './error-summary';
import { Field } from './field';
import { apiErrors, focusFirstInvalid, zodFieldErrors, type FieldErrors } from './form-errors';
import { Textarea } from './textarea';

/**
 * A reviewer's note on one item, recorded once: the privacy officer's reviews of flags and
 * of re-personalisations. Validated with the item's schema; the server's refusal is shown.
 */
export function ReviewNoteForm<T extends { note: string }>({
  ariaLabel,
  label,
  hint,
  schema,
  values,
  invalidMessage,
  record,
  submitLabel,
  recordedToast,
  onRecorded,
  className,
}: {
  /** What the form is about, for assistive technology: several forms share a page. */
  ariaLabel: string;
  label: ReactNode;
  hint: string;
  /** The item's schema, or a function loading it (so zod loads with the first submit, not with the page). */
  schema: z.ZodType<T> | (() => Promise<z.ZodType<T>>);
  /** The item's identifying fields, sent with the note. */
  values: Omit<T, 'note'>;
  /** Shown when something other than the note fails validation (the page's fault, not the reviewer's). */
  invalidMessage?: string;
  record: (input: T) => Promise<{ reviewedAt: string }>;
  submitLabel: string;
  recordedToast: string;
  onRecorded: (review: { reviewedAt: string; note: string }) => void;
  className?: string;
}) {
  const id = useId();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const resolved = typeof schema === 'function' ? await schema() : schema;
    const parsed = resolved.safeParse({ ...values, note });
    setMessage(null);
    if (!parsed.success) {
      const fieldErrors = zodFieldErrors(parsed.error);
      setErrors(fieldErrors);
      if (!fieldErrors.note && invalidMessage) setMessage(invalidMessage);
      focusFirstInvalid(form);
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const result = await record(parsed.data);
      toast.success(recordedToast);
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
    <form onSubmit={submit} noValidate aria-label={ariaLabel} className={className ?? 'min-w-56 space-y-2'}>
      <ErrorSummary errors={errors} fields={[{ key: 'note', id: `${id}-note`, label: 'Note' }]} />
      <Field id={`${id}-note`} label={label} hint={hint} error={errors.note}>
        {(control) => <Textarea {...control} value={note} maxLength={2000} rows={2} aria-required onChange={(event) => setNote(event.target.value)} />}
      </Field>
      {message ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-bg p-2 text-sm text-danger">
          {message}
        </p>
      ) : null}
      <Button type="submit" size="sm" disabled={pending}>
        {pending ? 'Recording…' : submitLabel}
      </Button>
    </form>
  );
}
