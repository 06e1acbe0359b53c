'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { toast } from '@/components/ui/toast';
import { formatCount } from '@/components/admin/admin-format';
import { Dialog, DialogContent } from '@/components/ui/dialog';
import { DialogFormFooter } from '@/components/ui/dialog-form-footer';
import { Field } from '@/components/ui/field';
import { apiErrors, focusFirstInvalid, zodFieldErrors, type FieldErrors } from '@/components/ui/form-errors';
import { Input } from '@/components/ui/input';
import { ApiError } from '@/lib/api-client';
import { retentionKeys, updateRetentionPolicy } from '@/lib/queries/retention';
import type { RetentionBounds, RetentionPolicies, RetentionPolicyField, RetentionPolicyView } from '@/lib/schemas/retention';
import { DATA_CLASS_LABELS } from './retention-labels';
import { editPolicyButtonId } from './retention-policy-table';
import { ErrorSummary } from '@/components/ui/error-summary';

const FIELD_LABELS: Readonly<Record<RetentionPolicyField, string>> = { maskAfterDays: 'Mask after (days)', eraseAfterDays: 'Erase after (days)' };

/** '' is a blank limit (null); anything else must read as a number, or the schema says so. */
function toDays(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}

/** The limits of the other classes this one falls back on, for the hints. */
export interface GeneralLimits {
  maskAfterDays: number | null;
  eraseAfterDays: number | null;
}

/** Edits one class's limits; opened from its row, focus goes back there. */
export function EditRetentionPolicyDialog({
  policy,
  bounds,
  general,
  onOpenChange,
}: {
  policy: RetentionPolicyView | null;
  bounds: RetentionBounds;
  general: GeneralLimits;
  onOpenChange: (open: boolean) => void;
}) {
  const [pending, setPending] = useState(false);
  return (
    <Dialog open={policy !== null} onOpenChange={(open) => (pending ? undefined : onOpenChange(open))}>
      {policy ? (
        <DialogContent
          title={`Edit retention: ${DATA_CLASS_LABELS[policy.dataClass].name}`}
          description={`Days after collection. At least ${formatCount(bounds.minDays)} (the configured legal minimum); at most ${formatCount(bounds.maxMaskDays)} for masking and ${formatCount(bounds.maxEraseDays)} for erasure (the law’s maximum). Erasure must come after masking. The change applies from the next retention run.`}
          onCloseAutoFocus={(event) => {
            const button = document.getElementById(editPolicyButtonId(policy.dataClass));
            if (button) {
              event.preventDefault();
              button.focus();
            }
          }}
        >
          {/* Keyed by the policy's version: a fresh form for each opening. */}
          <EditRetentionPolicyForm
            key={`${policy.dataClass}-${policy.updatedAt}`}
            policy={policy}
            bounds={bounds}
            general={general}
            pending={pending}
            setPending={setPending}
            onSaved={() => onOpenChange(false)}
          />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function EditRetentionPolicyForm({
  policy,
  bounds,
  general,
  pending,
  setPending,
  onSaved,
}: {
  policy: RetentionPolicyView;
  bounds: RetentionBounds;
  general: GeneralLimits;
  pending: boolean;
  setPending: (pending: boolean) => void;
  onSaved: () => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  // The version the form was opened with: a save against a newer one is refused (409).
  const version = useRef(policy.updatedAt ?? '');
  const [values, setValues] = useState<Record<RetentionPolicyField, string>>({
    maskAfterDays: policy.maskAfterDays === null ? '' : String(policy.maskAfterDays),
    eraseAfterDays: policy.eraseAfterDays === null ? '' : String(policy.eraseAfterDays),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const fields = policy.editable;
  const blankAllowed = policy.dataClass === 'CLEARED_HIT';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const input = Object.fromEntries([...fields.map((field) => [field, toDays(values[field])]), ['updatedAt', version.current]]);
    const { retentionPolicyUpdateSchema } = await import('@/lib/schemas/retention'); // zod loads with the first submit, not with the page
    const parsed = retentionPolicyUpdateSchema(policy.dataClass, bounds).safeParse(input);
    setMessage(null);
    if (!parsed.success) {
      const shown = zodFieldErrors(parsed.error);
      setErrors(shown);
      setMessage(Object.keys(shown).some((key) => !fields.includes(key as RetentionPolicyField)) ? (parsed.error.issues[0]?.message ?? null) : null);
      focusFirstInvalid(form);
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const saved = await updateRetentionPolicy(policy.dataClass, parsed.data);
      queryClient.setQueryData<RetentionPolicies>(retentionKeys.policies(), (data) =>
        data ? { ...data, items: data.items.map((item) => (item.dataClass === saved.dataClass ? saved : item)) } : data,
      );
      // A shorter limit can change which records are held past their erasure date, and the applied limits of the other classes.
      void queryClient.invalidateQueries({ queryKey: retentionKeys.policies() });
      void queryClient.invalidateQueries({ queryKey: retentionKeys.holds() });
      setPending(false);
      toast.success(`Retention policy “${DATA_CLASS_LABELS[policy.dataClass].name}” saved`);
      onSaved();
    } catch (error) {
      const shown = apiErrors(error, 'The policy could not be saved. Try again.', fields);
      setErrors(shown.fieldErrors);
      setMessage(shown.message);
      setPending(false);
      // Changed by someone else meanwhile: the table shows what is true now.
      if (error instanceof ApiError && error.status === 409) void queryClient.invalidateQueries({ queryKey: retentionKeys.policies() });
      focusFirstInvalid(form);
    }
  }

  function hint(field: RetentionPolicyField): string {
    const max = field === 'maskAfterDays' ? bounds.maxMaskDays : bounds.maxEraseDays;
    const range = `${formatCount(bounds.minDays)} to ${formatCount(max)} days.`;
    if (!blankAllowed) return range;
    const fallback = general[field];
    return `${range} Leave blank for the general limit${fallback === null ? '' : ` (${formatCount(fallback)} days)`}.`;
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="space-y-4">
      <ErrorSummary errors={errors} fields={fields.map((field) => ({ key: field, id: `${id}-${field}`, label: FIELD_LABELS[field] }))} />
      {fields.map((field) => (
        <Field key={field} id={`${id}-${field}`} label={FIELD_LABELS[field]} hint={hint(field)} error={errors[field]}>
          {(control) => (
            <Input
              {...control}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={values[field]}
              aria-required={!blankAllowed}
              className="w-32"
              onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
            />
          )}
        </Field>
      ))}
      <DialogFormFooter message={message} pending={pending} submit="Save policy" />
    </form>
  );
}
