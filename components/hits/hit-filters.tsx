'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { HIT_STATUS_LABELS } from '@/lib/format';
import type { HitQuery } from '@/lib/schemas/hit';
import { hitQueryToParams, HIT_STATUSES } from '@/lib/schemas/hit-values';
import { ErrorSummary } from '@/components/ui/error-summary';

export interface HitFilterOptions {
  sources: { code: string; name: string }[];
  offences: string[];
}

type Draft = Record<'status' | 'source' | 'offence' | 'scoreMin' | 'scoreMax' | 'flightFrom' | 'flightTo' | 'assignee' | 'sort', string> & {
  overdue: boolean;
};

function toDraft(query: HitQuery): Draft {
  return {
    status: query.status,
    source: query.source ?? '',
    offence: query.offence ?? '',
    scoreMin: query.scoreMin?.toString() ?? '',
    scoreMax: query.scoreMax?.toString() ?? '',
    flightFrom: query.flightFrom ?? '',
    flightTo: query.flightTo ?? '',
    assignee: query.assignee,
    overdue: query.overdue === true,
    sort: query.sort,
  };
}

// Said next to the field, in the words of the form rather than of the URL.
const FIELD_ERRORS: Record<string, string> = {
  scoreMin: 'Enter a score from 0 to 1.',
  scoreMax: 'Enter a score from 0 to 1, not below the minimum score.',
  flightFrom: 'Enter a date.',
  flightTo: 'Enter a date, not before “Flight from”.',
};

/**
 * The queue's filters and sort. Lists apply as soon as they change; typed values
 * (scores, dates) apply with "Apply filters" or Enter, so a half-typed value never reloads the queue.
 */
export function HitFilters({
  query,
  options,
  onApply,
  onClear,
}: {
  query: HitQuery;
  options: HitFilterOptions;
  onApply: (query: HitQuery) => void;
  onClear: () => void;
}) {
  // Follow the URL (back button, "Clear filters") without losing focus: reset the draft, don't remount.
  const urlKey = hitQueryToParams({ ...query, cursor: undefined }).toString();
  const [seenKey, setSeenKey] = useState(urlKey);
  const [draft, setDraft] = useState(() => toDraft(query));
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (urlKey !== seenKey) {
    setSeenKey(urlKey);
    setDraft(toDraft(query));
    setErrors({});
  }

  async function apply(next: Draft) {
    const { overdue, ...values } = next;
    // The filters' schemas (and zod with them) load when a filter is first applied, not with the page.
    const { parseHitQuery } = await import('@/lib/schemas/hit');
    const { query: parsed, ignored } = parseHitQuery({ ...values, overdue: overdue ? 'true' : undefined });
    const fieldErrors = Object.fromEntries(ignored.map((notice) => [notice.key, FIELD_ERRORS[notice.key] ?? notice.message]));
    setErrors(fieldErrors);
    if (ignored.length === 0) onApply({ ...parsed, cursor: undefined });
  }

  function change<K extends keyof Draft>(key: K, value: Draft[K], applyNow: boolean) {
    const next = { ...draft, [key]: value };
    setDraft(next);
    if (applyNow) void apply(next);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void apply(draft);
  }

  const sources = options.sources.some((source) => source.code === draft.source) || !draft.source
    ? options.sources
    : [...options.sources, { code: draft.source, name: draft.source }];
  const offences = options.offences.includes(draft.offence) || !draft.offence ? options.offences : [...options.offences, draft.offence];

  return (
    <form aria-label="Filters" noValidate onSubmit={onSubmit} className="space-y-3 rounded-md border border-border bg-surface p-4">
      <ErrorSummary
        errors={errors}
        fields={[
          { key: 'scoreMin', id: 'hit-filter-scoreMin', label: 'Minimum score' },
          { key: 'scoreMax', id: 'hit-filter-scoreMax', label: 'Maximum score' },
          { key: 'flightFrom', id: 'hit-filter-flightFrom', label: 'Flight from' },
          { key: 'flightTo', id: 'hit-filter-flightTo', label: 'Flight to' },
        ]}
      />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-6">
        <Field id="hit-filter-status" label="Status">
          {(control) => (
            <Select {...control} value={draft.status} onChange={(event) => change('status', event.target.value, true)}>
              <option value="open">Open</option>
              <option value="all">All</option>
              {HIT_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {HIT_STATUS_LABELS[status]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="hit-filter-source" label="Watchlist">
          {(control) => (
            <Select {...control} value={draft.source} onChange={(event) => change('source', event.target.value, true)}>
              <option value="">All watchlists</option>
              {sources.map((source) => (
                <option key={source.code} value={source.code}>
                  {source.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="hit-filter-offence" label="Offence category">
          {(control) => (
            <Select {...control} value={draft.offence} onChange={(event) => change('offence', event.target.value, true)}>
              <option value="">All categories</option>
              {offences.map((offence) => (
                <option key={offence} value={offence}>
                  {offence}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="hit-filter-assignee" label="Assignee">
          {(control) => (
            <Select {...control} value={draft.assignee} onChange={(event) => change('assignee', event.target.value, true)}>
              <option value="anyone">Anyone</option>
              <option value="me">Assigned to me</option>
              <option value="unassigned">Unassigned</option>
            </Select>
          )}
        </Field>
        <Field id="hit-filter-sort" label="Sort by">
          {(control) => (
            <Select {...control} value={draft.sort} onChange={(event) => change('sort', event.target.value, true)}>
              <option value="deadline">Deadline, soonest first</option>
              <option value="score">Score, highest first</option>
              <option value="age">Age, oldest first</option>
            </Select>
          )}
        </Field>
        <div className="flex items-end gap-2 pb-2">
          <input
            id="hit-filter-overdue"
            type="checkbox"
            className="size-4"
            checked={draft.overdue}
            onChange={(event) => change('overdue', event.target.checked, true)}
          />
          <label htmlFor="hit-filter-overdue" className="text-sm font-medium">
            Deadline passed
          </label>
        </div>
        {(['scoreMin', 'scoreMax'] as const).map((key) => (
          <Field key={key} id={`hit-filter-${key}`} label={key === 'scoreMin' ? 'Minimum score' : 'Maximum score'} error={errors[key]}>
            {(control) => (
              <Input {...control} type="number" inputMode="decimal" min={0} max={1} step={0.01}
                value={draft[key]} onChange={(event) => change(key, event.target.value, false)} />
            )}
          </Field>
        ))}
        {(['flightFrom', 'flightTo'] as const).map((key) => (
          <Field key={key} id={`hit-filter-${key}`} label={key === 'flightFrom' ? 'Flight from' : 'Flight to'} error={errors[key]}>
            {(control) => <Input {...control} type="date" value={draft[key]} onChange={(event) => change(key, event.target.value, false)} />}
          </Field>
        ))}
        <div className="col-span-2 flex items-end gap-2">
          <Button type="submit">Apply filters</Button>
          <Button type="button" variant="secondary" onClick={onClear}>
            Clear filters
          </Button>
        </div>
      </div>
    </form>
  );
}
