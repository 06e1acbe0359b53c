'use client';

import { DialogFormFooter } from '@/components/ui/dialog-form-footer';
import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { toast } from '@/components/ui/toast';
import { Dialog, DialogContent } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import type { ClearReason } from '@/lib/schemas/hit';
import { CLEAR_REASONS } from '@/lib/schemas/hit-values';
import { apiErrors, focusFirstInvalid, zodFieldErrors, type FieldErrors } from '@/components/ui/form-errors';
import { RadioGroupField } from './radio-group-field';
import { useDecideHit } from './use-hit-actions';
import { ErrorSummary } from '@/components/ui/error-summary';

export type DecisionKind = 'clear' | 'confirm';
export interface DecisionRequest {
  kind: DecisionKind;
  open: boolean;
}

const COPY = {
  clear: {
    title: 'Clear as false positive',
    description: 'Say why the traveller is not the listed person. The decision is recorded with your name.',
    submit: 'Clear hit',
    done: 'Hit cleared as a false positive',
  },
  confirm: {
    title: 'Confirm match',
    description: 'Confirm that the traveller is the listed person, and say why. The decision is recorded with your name.',
    submit: 'Confirm hit',
    done: 'Match confirmed',
  },
} as const;

/** Clear or confirm, with every reason the decision requires; focus moves to the new status afterwards. */
export function DecisionDialog({
  hitId,
  version,
  request,
  onOpenChange,
  statusRef,
}: {
  hitId: string;
  version: number;
  request: DecisionRequest;
  onOpenChange: (open: boolean) => void;
  statusRef: RefObject<HTMLElement | null>;
}) {
  const decided = useRef(false);
  const copy = COPY[request.kind];
  return (
    <Dialog open={request.open} onOpenChange={onOpenChange}>
      <DialogContent
        title={copy.title}
        description={copy.description}
        onCloseAutoFocus={(event) => {
          const target = decided.current ? statusRef.current : document.getElementById(`decide-${request.kind}`);
          decided.current = false;
          if (target) {
            event.preventDefault();
            target.focus();
          }
        }}
      >
        <DecisionForm
          hitId={hitId}
          version={version}
          kind={request.kind}
          onDecided={() => {
            decided.current = true;
            toast.success(copy.done);
            onOpenChange(false);
          }}
        />
      </DialogContent>
    </Dialog>
  );
}

function DecisionForm({ hitId, version, kind, onDecided }: { hitId: string; version: number; kind: DecisionKind; onDecided: () => void }) {
  const id = useId();
  const decide = useDecideHit(hitId);
  const [reason, setReason] = useState<ClearReason | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const trimmed = note.trim();
    const input = kind === 'clear' ? { decision: kind, reason, note: trimmed || undefined, version } : { decision: kind, note: trimmed, version };
    const { hitDecisionSchema } = await import('@/lib/schemas/hit'); // zod loads with the first submit, not with the page
    const parsed = hitDecisionSchema.safeParse(input);
    setMessage(null);
    if (!parsed.success) {
      const fieldErrors = zodFieldErrors(parsed.error);
      setErrors(fieldErrors);
      focusFirstInvalid(form);
      if (fieldErrors.version) setMessage(fieldErrors.version);
      return;
    }
    setErrors({});
    decide.mutate(parsed.data, {
      onSuccess: onDecided,
      onError: (error) => {
        const shown = apiErrors(error, 'The decision could not be saved. Try again.', ['reason', 'note']);
        setErrors(shown.fieldErrors);
        focusFirstInvalid(form);
        setMessage(shown.message);
      },
    });
  }

  const noteHint =
    kind === 'confirm' ? 'Required: at least 10 characters on why this is a true match.' : 'Optional; with “Other”, at least 10 characters.';
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <ErrorSummary
        errors={errors}
        fields={[...(kind === 'clear' ? [{ key: 'reason', id: `${id}-reason`, label: 'Reason' }] : []), { key: 'note', id: `${id}-note`, label: 'Note' }]}
      />
      {kind === 'clear' ? (
        <RadioGroupField id={`${id}-reason`} legend="Reason" options={CLEAR_REASONS} value={reason} onChange={setReason} error={errors.reason} />
      ) : null}
      <Field id={`${id}-note`} label="Note" hint={noteHint} error={errors.note}>
        {(control) => (
          <Textarea
            {...control}
            value={note}
            maxLength={2000}
            aria-required={kind === 'confirm' || reason === 'OTHER'}
            onChange={(event) => setNote(event.target.value)}
          />
        )}
      </Field>
      <DialogFormFooter message={message} pending={decide.isPending} submit={COPY[kind].submit} pendingLabel="Saving…" />
    </form>
  );
}
