'use client';

import { useRouter } from 'next/navigation';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { toast } from '@/components/ui/toast';
import { apiErrors, focusFirstInvalid, zodFieldErrors, type FieldErrors } from '@/components/ui/form-errors';
import { RadioGroupField } from '@/components/hits/detail/radio-group-field';
import { Link } from '@/components/ui/app-link';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { DATA_CATEGORIES, LEGAL_BASES, OFFENCE_CATEGORIES, URGENCIES } from '@/lib/schemas/escalation-values';
import { useEscalationDraft, type EscalationDraft } from './request-draft';
import { CheckboxGroupField, DraftNotice, JustificationField } from './request-fields';
import { useRequestEscalation } from './request-mutation';
import { ErrorSummary } from '@/components/ui/error-summary';

export interface Recipient {
  id: string;
  name: string;
  country: string;
}

const FIELDS = ['legalBasis', 'offenceCategory', 'objectiveFacts', 'necessity', 'dataCategories', 'recipientId', 'urgency'] as const;

/** The analyst's escalation request with its recorded justification; the draft survives a reload. */
export function RequestForm({
  hitId,
  hitVersion,
  hitOffenceCategory,
  recipients,
}: {
  hitId: string;
  hitVersion: number;
  hitOffenceCategory: string;
  recipients: readonly Recipient[];
}) {
  const id = useId();
  const router = useRouter();
  const initial = useMemo<EscalationDraft>(
    () => ({
      legalBasis: '',
      offenceCategory: OFFENCE_CATEGORIES.includes(hitOffenceCategory) ? hitOffenceCategory : '',
      objectiveFacts: '',
      necessity: '',
      dataCategories: [],
      recipientId: '',
      urgency: '',
    }),
    [hitOffenceCategory],
  );
  const { draft, update, clear, saved } = useEscalationDraft(hitId, initial);
  const request = useRequestEscalation(hitId);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  // A recipient that has left the list since the draft was saved is not offered as chosen.
  const recipientId = recipients.some((recipient) => recipient.id === draft.recipientId) ? draft.recipientId : '';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setMessage(null);
    const { escalationRequestSchema } = await import('@/lib/schemas/escalation'); // zod loads with the first submit, not with the page
    const parsed = escalationRequestSchema.safeParse({ ...draft, recipientId, hitVersion });
    if (!parsed.success) {
      const fieldErrors = zodFieldErrors(parsed.error);
      setErrors(fieldErrors);
      if (fieldErrors.hitVersion) setMessage(fieldErrors.hitVersion);
      focusFirstInvalid(form);
      return;
    }
    setErrors({});
    request.mutate(parsed.data, {
      onSuccess: () => {
        setSubmitted(true);
        clear();
        toast.success('Escalation requested — a supervisor will decide');
        router.push(`/hits/${hitId}`);
      },
      onError: (error) => {
        const shown = apiErrors(error, 'The request could not be sent. Try again.', FIELDS);
        setErrors(shown.fieldErrors);
        setMessage(shown.message);
        focusFirstInvalid(form);
      },
    });
  }

  if (submitted) {
    return (
      <p role="status" className="rounded-md border border-border bg-surface p-4 text-sm">
        Escalation requested. Opening the hit…
      </p>
    );
  }

  return (
    <form onSubmit={submit} noValidate className="max-w-3xl space-y-6">
      <ErrorSummary
        errors={errors}
        fields={[
          { key: 'legalBasis', id: `${id}-legal-basis`, label: 'Legal basis' },
          { key: 'offenceCategory', id: `${id}-offence`, label: 'Offence category' },
          { key: 'objectiveFacts', id: `${id}-facts`, label: 'Objective facts' },
          { key: 'necessity', id: `${id}-necessity`, label: 'Necessity and proportionality' },
          { key: 'dataCategories', id: `${id}-data`, label: 'Data to disclose' },
          { key: 'recipientId', id: `${id}-recipient`, label: 'Recipient authority' },
          { key: 'urgency', id: `${id}-urgency`, label: 'Urgency' },
        ]}
      />
      <DraftNotice
        saved={saved}
        onDiscard={() => {
          clear();
          setErrors({});
          setMessage(null);
        }}
      />
      <RadioGroupField
        id={`${id}-legal-basis`}
        legend="Legal basis"
        options={LEGAL_BASES}
        value={draft.legalBasis}
        onChange={(legalBasis) => update({ legalBasis })}
        error={errors.legalBasis}
      />
      <Field id={`${id}-offence`} label="Offence category" error={errors.offenceCategory}>
        {(control) => (
          <Select {...control} aria-required value={draft.offenceCategory} onChange={(event) => update({ offenceCategory: event.target.value })}>
            <option value="">Choose the offence category</option>
            {OFFENCE_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {category}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <JustificationField
        id={`${id}-facts`}
        label="Objective facts"
        hint="The facts that link this traveller to the offence — not the match score alone."
        value={draft.objectiveFacts}
        onChange={(objectiveFacts) => update({ objectiveFacts })}
        error={errors.objectiveFacts}
      />
      <JustificationField
        id={`${id}-necessity`}
        label="Necessity and proportionality"
        hint="Why disclosing these data to this authority is necessary, and why less would not do."
        value={draft.necessity}
        onChange={(necessity) => update({ necessity })}
        error={errors.necessity}
      />
      <CheckboxGroupField
        id={`${id}-data`}
        legend="Data to disclose"
        hint="Choose at least one, and only what the recipient needs."
        options={DATA_CATEGORIES}
        value={draft.dataCategories}
        onChange={(dataCategories) => update({ dataCategories })}
        error={errors.dataCategories}
      />
      <Field id={`${id}-recipient`} label="Recipient authority" error={errors.recipientId}>
        {(control) => (
          <Select {...control} aria-required value={recipientId} onChange={(event) => update({ recipientId: event.target.value })}>
            <option value="">{recipients.length ? 'Choose the recipient authority' : 'No recipient authority is configured'}</option>
            {recipients.map((recipient) => (
              <option key={recipient.id} value={recipient.id}>
                {recipient.name} ({recipient.country})
              </option>
            ))}
          </Select>
        )}
      </Field>
      <RadioGroupField
        id={`${id}-urgency`}
        legend="Urgency"
        options={URGENCIES}
        value={draft.urgency}
        onChange={(urgency) => update({ urgency })}
        error={errors.urgency}
      />
      {message ? (
        <div role="alert" className="rounded-md border border-danger bg-danger-bg p-3 text-sm text-danger">
          <p>{message}</p>
          <p className="mt-1">
            Your draft is kept in this tab.{' '}
            <Link href={`/hits/${hitId}`} className="underline underline-offset-4">
              Back to the hit
            </Link>
          </p>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={request.isPending}>
          {request.isPending ? 'Submitting…' : 'Submit request'}
        </Button>
        <Link href={`/hits/${hitId}`} className="text-sm text-primary underline underline-offset-4">
          Cancel
        </Link>
      </div>
    </form>
  );
}
