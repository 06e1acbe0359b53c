'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { AccessLogQuery } from '@/lib/schemas/access-log';
import { accessLogQueryToParams, ACCESS_OPERATIONS, ACCESS_OUTCOMES } from '@/lib/schemas/access-log-values';
import { OPERATION_LABELS, OUTCOME_LABELS } from './access-log-labels';
import { isoToLocalInput, localInputToIso } from './datetime-local';
import { ErrorSummary } from '@/components/ui/error-summary';

type DraftKey = 'actor' | 'bookingReference' | 'documentNumber' | 'operation' | 'outcome' | 'from' | 'to' | 'purpose';
type Draft = Record<DraftKey, string>;

function toDraft(query: AccessLogQuery, local: boolean): Draft {
  return {
    actor: query.actor ?? '',
    bookingReference: query.bookingReference ?? '',
    documentNumber: query.documentNumber ?? '',
    operation: query.operation ?? '',
    outcome: query.outcome ?? '',
    from: isoToLocalInput(query.from, local),
    to: isoToLocalInput(query.to, local),
    purpose: query.purpose ?? '',
  };
}

// Said next to the field, in the words of the form rather than of the URL.
const FIELD_ERRORS: Partial<Record<string, string>> = {
  actor: 'Enter an email address or part of one.',
  bookingReference: 'Enter a booking reference of 3 to 20 characters.',
  documentNumber: 'Enter a document number of 3 to 40 characters.',
  from: 'Enter a date and time.',
  to: 'Enter a date and time, not before “From”.',
  purpose: 'Enter 2 to 200 characters.',
};

const NOTE_ID = 'access-log-person-note';

/**
 * The access-log search. Nothing applies until "Search": every search is itself recorded,
 * so a half-typed value must never run one. `local` says whether times can be shown in the
 * reader's zone (false while the server's HTML hydrates).
 */
export function AccessLogSearchForm({
  query,
  local,
  pending,
  onSearch,
  onClear,
}: {
  query: AccessLogQuery;
  local: boolean;
  pending: boolean;
  onSearch: (query: AccessLogQuery) => void;
  onClear: () => void;
}) {
  // Follow the URL (back button, "Clear") without remounting: reset the draft when it changes.
  const urlKey = accessLogQueryToParams({ ...query, cursor: undefined }).toString();
  const [seenKey, setSeenKey] = useState(urlKey);
  const [draft, setDraft] = useState(() => toDraft(query, local));
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (urlKey !== seenKey) {
    setSeenKey(urlKey);
    setDraft(toDraft(query, local));
    setErrors({});
  }
  // Once hydrated, only From/To switch from UTC to the reader's zone; what was typed stays.
  const [seenLocal, setSeenLocal] = useState(local);
  if (local !== seenLocal) {
    setSeenLocal(local);
    const zoned = toDraft(query, local);
    setDraft((current) => ({ ...current, from: zoned.from, to: zoned.to }));
  }

  const change = (key: DraftKey, value: string) => setDraft((current) => ({ ...current, [key]: value }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = Object.fromEntries(Object.entries(draft).map(([key, value]) => [key, value.trim()]));
    const { parseAccessLogQuery } = await import('@/lib/schemas/access-log'); // zod loads with the first search, not with the page
    const { query: parsed, ignored } = parseAccessLogQuery({ ...raw, from: localInputToIso(draft.from), to: localInputToIso(draft.to) });
    setErrors(Object.fromEntries(ignored.map((notice) => [notice.key, FIELD_ERRORS[notice.key] ?? notice.message])));
    if (ignored.length === 0) onSearch({ ...parsed, cursor: undefined });
  }

  // Clearing an already-empty search changes no URL, so the typed values are dropped here too.
  function clear() {
    setDraft(toDraft({}, local));
    setErrors({});
    onClear();
  }

  const withNote = (describedBy: string | undefined) => [describedBy, NOTE_ID].filter(Boolean).join(' ');

  return (
    <form role="search" aria-label="Search the access log" noValidate onSubmit={onSubmit} className="space-y-3 rounded-md border border-border bg-surface p-4 print:hidden">
      <ErrorSummary
        errors={errors}
        fields={[
          { key: 'actor', id: 'access-log-actor', label: 'User' },
          { key: 'bookingReference', id: 'access-log-booking-reference', label: 'Booking reference' },
          { key: 'documentNumber', id: 'access-log-document-number', label: 'Document number' },
          { key: 'purpose', id: 'access-log-purpose', label: 'Purpose contains' },
          { key: 'from', id: 'access-log-from', label: 'From' },
          { key: 'to', id: 'access-log-to', label: 'To' },
        ]}
      />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field id="access-log-actor" label="User" error={errors.actor}>
          {(control) => (
            <Input {...control} type="text" inputMode="email" autoComplete="off" value={draft.actor} onChange={(event) => change('actor', event.target.value)} />
          )}
        </Field>
        <fieldset className="grid grid-cols-1 gap-3 sm:col-span-2 sm:grid-cols-2">
          <legend className="sr-only">Person</legend>
          <Field id="access-log-booking-reference" label="Booking reference" error={errors.bookingReference}>
            {(control) => (
              <Input {...control} aria-describedby={withNote(control['aria-describedby'])} autoComplete="off" className="uppercase"
                value={draft.bookingReference} onChange={(event) => change('bookingReference', event.target.value)} />
            )}
          </Field>
          <Field id="access-log-document-number" label="Document number" error={errors.documentNumber}>
            {(control) => (
              <Input {...control} aria-describedby={withNote(control['aria-describedby'])} autoComplete="off"
                value={draft.documentNumber} onChange={(event) => change('documentNumber', event.target.value)} />
            )}
          </Field>
          <p id={NOTE_ID} className="text-xs text-muted sm:col-span-2">
            Looking a person up is itself recorded in the access log.
          </p>
        </fieldset>
        <Field id="access-log-purpose" label="Purpose contains" error={errors.purpose}>
          {(control) => <Input {...control} type="text" value={draft.purpose} onChange={(event) => change('purpose', event.target.value)} />}
        </Field>
        <Field id="access-log-operation" label="Operation">
          {(control) => (
            <Select {...control} value={draft.operation} onChange={(event) => change('operation', event.target.value)}>
              <option value="">Any operation</option>
              {ACCESS_OPERATIONS.map((operation) => (
                <option key={operation} value={operation}>
                  {OPERATION_LABELS[operation]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="access-log-outcome" label="Outcome">
          {(control) => (
            <Select {...control} value={draft.outcome} onChange={(event) => change('outcome', event.target.value)}>
              <option value="">Any outcome</option>
              {ACCESS_OUTCOMES.map((outcome) => (
                <option key={outcome} value={outcome}>
                  {OUTCOME_LABELS[outcome]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {(['from', 'to'] as const).map((key) => (
          <Field key={key} id={`access-log-${key}`} label={key === 'from' ? 'From' : 'To'} error={errors[key]}>
            {(control) => <Input {...control} type="datetime-local" value={draft[key]} onChange={(event) => change(key, event.target.value)} />}
          </Field>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={pending}>
          Search
        </Button>
        <Button type="button" variant="secondary" onClick={clear} disabled={pending}>
          Clear
        </Button>
        <span aria-hidden="true" className="text-sm text-muted">
          {pending ? 'Searching…' : ''}
        </span>
      </div>
    </form>
  );
}
