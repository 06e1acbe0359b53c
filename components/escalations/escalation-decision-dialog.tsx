'use client';

import { DialogFormFooter } from '@/components/ui/dialog-form-footer';
import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { toast } from '@/components/ui/toast';
import { apiErrors, focusFirstInvalid, zodFieldErrors, type FieldErrors } from '@/components/ui/form-errors';
import { Dialog, DialogContent } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { useDecideEscalation } from './use-escalation-detail';
import { ErrorSummary } from '@/components/ui/error-summary';

export type EscalationDecisionKind = 'approve' | 'reject';

const COPY = {
  approve: {
    title: 'Approve escalation request',
    description: 'Approving creates the disclosure package for the recipient. The decision is recorded with your name.',
    hint: 'Optional.',
    submit: 'Approve request',
    done: 'Escalation approved',
  },
  reject: {
    title: 'Reject escalation request',
    description: 'The hit returns to review. Say why; the requester sees your note, and the decision is recorded with your name.',
    hint: 'Required: at least 10 characters on why the request is rejected.',
    submit: 'Reject request',
    done: 'Escalation rejected',
  },
} as const;

/** Approve or reject with a note; a refusal from the server is shown here and the request is read again. */
export function EscalationDecisionDialog({
  escalationId,
  version,
  kind,
  open,
  onOpenChange,
  returnFocusRef,
}: {
  escalationId: string;
  version: number;
  kind: EscalationDecisionKind;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  returnFocusRef: RefObject<HTMLElement | null>;
}) {
  const decided = useRef(false);
  const copy = COPY[kind];
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={copy.title}
        description={copy.description}
        onCloseAutoFocus={(event) => {
          // The trigger is gone after a decision (or a refresh that took the right away).
          const target = decided.current ? returnFocusRef.current : (document.getElementById(`decide-${kind}`) ?? returnFocusRef.current);
          decided.current = false;
          if (target) {
            event.preventDefault();
            target.focus();
          }
        }}
      >
        <DecisionForm
          escalationId={escalationId}
          version={version}
          kind={kind}
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

function DecisionForm({ escalationId, version, kind, onDecided }: { escalationId: string; version: number; kind: EscalationDecisionKind; onDecided: () => void }) {
  const id = useId();
  const decide = useDecideEscalation(escalationId);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const trimmed = note.trim();
    const { escalationDecisionSchema } = await import('@/lib/schemas/escalation'); // zod loads with the first submit, not with the page
    const parsed = escalationDecisionSchema.safeParse(
      kind === 'approve' ? { decision: kind, note: trimmed || undefined, version } : { decision: kind, note: trimmed, version },
    );
    setMessage(null);
    if (!parsed.success) {
      const fieldErrors = zodFieldErrors(parsed.error);
      setErrors(fieldErrors);
      focusFirstInvalid(form);
      if (fieldErrors.version) setMessage('The request’s version is missing: reload the page.');
      return;
    }
    setErrors({});
    decide.mutate(parsed.data, {
      onSuccess: onDecided,
      onError: (error) => {
        const shown = apiErrors(error, 'The decision could not be saved. Try again.', ['note']);
        setErrors(shown.fieldErrors);
        focusFirstInvalid(form);
        setMessage(shown.message);
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <ErrorSummary errors={errors} fields={[{ key: 'note', id: `${id}-note`, label: 'Note' }]} />
      <Field id={`${id}-note`} label="Note" hint={COPY[kind].hint} error={errors.note}>
        {(control) => (
          <Textarea {...control} value={note} maxLength={2000} aria-required={kind === 'reject'} onChange={(event) => setNote(event.target.value)} />
        )}
      </Field>
      <DialogFormFooter message={message} pending={decide.isPending} submit={COPY[kind].submit} pendingLabel="Saving…" />
    </form>
  );
}
