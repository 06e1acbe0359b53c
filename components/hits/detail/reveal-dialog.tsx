'use client';

import { DialogFormFooter } from '@/components/ui/dialog-form-footer';
import { useId, useRef, useState, type FormEvent } from 'react';
import { toast } from '@/components/ui/toast';
import { Dialog, DialogContent } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import type { RevealableField, RevealPurpose } from '@/lib/schemas/hit';
import { REVEAL_PURPOSES } from '@/lib/schemas/hit-values';
import type { RevealTarget } from './detail-format';
import { apiErrors, focusFirstInvalid, zodFieldErrors, type FieldErrors } from '@/components/ui/form-errors';
import { RadioGroupField } from './radio-group-field';
import { revealField } from './use-hit-actions';
import { ErrorSummary } from '@/components/ui/error-summary';

export interface RevealRequest {
  field: RevealableField;
  open: boolean;
}

/** Asks for the purpose of a reveal, then hands the clear value to the page's state (never a cache). */
export function RevealDialog({
  hitId,
  request,
  targets,
  onOpenChange,
  onRevealed,
}: {
  hitId: string;
  request: RevealRequest;
  targets: RevealTarget[];
  onOpenChange: (open: boolean) => void;
  onRevealed: (field: RevealableField, value: string | null) => void;
}) {
  const revealedField = useRef<RevealableField | null>(null);
  return (
    <Dialog open={request.open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Reveal a masked field"
        description="Say why you need the clear value. The reveal, with its purpose, is recorded in the access log."
        onCloseAutoFocus={(event) => {
          // Focus the value just revealed, or the Reveal button the dialog came from.
          const id = revealedField.current ? `revealed-${revealedField.current}` : `reveal-${request.field}`;
          revealedField.current = null;
          const target = document.getElementById(id);
          if (target) {
            event.preventDefault();
            target.focus();
          }
        }}
      >
        <RevealForm
          hitId={hitId}
          initialField={request.field}
          targets={targets}
          onRevealed={(field, value) => {
            revealedField.current = field;
            onRevealed(field, value);
            onOpenChange(false);
          }}
        />
      </DialogContent>
    </Dialog>
  );
}

function RevealForm({
  hitId,
  initialField,
  targets,
  onRevealed,
}: {
  hitId: string;
  initialField: RevealableField;
  targets: RevealTarget[];
  onRevealed: (field: RevealableField, value: string | null) => void;
}) {
  const id = useId();
  const [field, setField] = useState<RevealableField>(initialField);
  const [purpose, setPurpose] = useState<RevealPurpose | ''>('');
  const [purposeNote, setPurposeNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const { revealSchema } = await import('@/lib/schemas/hit'); // zod loads with the first submit, not with the page
    const parsed = revealSchema.safeParse({ field, purpose, purposeNote: purposeNote.trim() || undefined });
    setMessage(null);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      focusFirstInvalid(form);
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const result = await revealField(hitId, parsed.data);
      toast.success('Revealed — recorded in the access log');
      onRevealed(result.field, result.value);
    } catch (error) {
      const shown = apiErrors(error, 'The field could not be revealed. Try again.', ['field', 'purpose', 'purposeNote']);
      setErrors(shown.fieldErrors);
      focusFirstInvalid(form);
      setMessage(shown.message);
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <ErrorSummary
        errors={errors}
        fields={[
          { key: 'field', id: `${id}-field`, label: 'Field' },
          { key: 'purpose', id: `${id}-purpose`, label: 'Purpose' },
          { key: 'purposeNote', id: `${id}-explanation`, label: 'Explanation' },
        ]}
      />
      <Field id={`${id}-field`} label="Field" error={errors.field}>
        {(control) => (
          <Select {...control} value={field} onChange={(event) => setField(event.target.value as RevealableField)}>
            {targets.map((target) => (
              <option key={target.field} value={target.field}>
                {target.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <RadioGroupField id={`${id}-purpose`} legend="Purpose" options={REVEAL_PURPOSES} value={purpose} onChange={setPurpose} error={errors.purpose} />
      <Field id={`${id}-explanation`} label="Explanation" hint="Required with “Other” (at least 5 characters)." error={errors.purposeNote}>
        {(control) => <Textarea {...control} value={purposeNote} maxLength={500} onChange={(event) => setPurposeNote(event.target.value)} />}
      </Field>
      <DialogFormFooter message={message} pending={pending} submit="Reveal" pendingLabel="Revealing…" />
    </form>
  );
}
