'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { MetricsQuery } from '@/lib/schemas/metrics';
import { METRICS_GRANULARITIES, METRICS_PRESETS, metricsQueryToParams, presetQuery, type MetricsPreset } from '@/lib/schemas/metrics-values';
import { ErrorSummary } from '@/components/ui/error-summary';

type Draft = Record<'from' | 'to' | 'granularity', string>;

const GRANULARITY_LABELS = { day: 'Day', week: 'Week', month: 'Month' } as const;

const toDraft = (query: MetricsQuery): Draft => ({ from: query.from, to: query.to, granularity: query.granularity });

/**
 * The period: from/to (UTC days), granularity, and presets ending today. Checked with the
 * same schema as the API, so a wrong period is explained here and never sent.
 */
export function PeriodForm({ query, pending, onChange }: { query: MetricsQuery; pending: boolean; onChange: (query: MetricsQuery) => void }) {
  // Follow the URL (back button, presets) without remounting: reset the draft when it changes.
  const urlKey = metricsQueryToParams(query).toString();
  const [seenKey, setSeenKey] = useState(urlKey);
  const [draft, setDraft] = useState(() => toDraft(query));
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (urlKey !== seenKey) {
    setSeenKey(urlKey);
    setDraft(toDraft(query));
    setErrors({});
  }

  async function apply(next: Partial<MetricsQuery>) {
    // The schema (and zod with it) loads when a period is first chosen, not with the page.
    const { metricsQuerySchema } = await import('@/lib/schemas/metrics');
    const parsed = metricsQuerySchema.safeParse({ ...query, ...next });
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[String(issue.path[0] ?? 'to')] ??= issue.message;
      setErrors(found);
      return;
    }
    setErrors({});
    onChange(parsed.data);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void apply({ from: draft.from, to: draft.to, granularity: draft.granularity as MetricsQuery['granularity'] });
  }

  return (
    <form aria-label="Period" noValidate onSubmit={onSubmit} className="space-y-3 rounded-md border border-border bg-surface p-4 print:hidden">
      <ErrorSummary
        errors={errors}
        fields={[
          { key: 'from', id: 'metrics-from', label: 'From' },
          { key: 'to', id: 'metrics-to', label: 'To' },
          { key: 'granularity', id: 'metrics-granularity', label: 'Per' },
        ]}
      />
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-44">
          <Field id="metrics-from" label="From" error={errors.from}>
            {(control) => <Input {...control} type="date" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />}
          </Field>
        </div>
        <div className="w-44">
          <Field id="metrics-to" label="To" error={errors.to}>
            {(control) => <Input {...control} type="date" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />}
          </Field>
        </div>
        <div className="w-36">
          <Field id="metrics-granularity" label="Per" error={errors.granularity}>
            {(control) => (
              <Select {...control} value={draft.granularity} onChange={(event) => setDraft({ ...draft, granularity: event.target.value })}>
                {METRICS_GRANULARITIES.map((granularity) => (
                  <option key={granularity} value={granularity}>
                    {GRANULARITY_LABELS[granularity]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <Button type="submit" disabled={pending}>
          Show
        </Button>
      </div>
      <div role="group" aria-label="Preset periods" className="flex flex-wrap gap-2">
        {(Object.keys(METRICS_PRESETS) as MetricsPreset[]).map((preset) => (
          <Button key={preset} type="button" variant="secondary" size="sm" disabled={pending} onClick={() => void apply(presetQuery(preset))}>
            {METRICS_PRESETS[preset]}
          </Button>
        ))}
        <span aria-live="polite" className="self-center text-sm text-muted">
          {pending ? 'Loading the period…' : ''}
        </span>
      </div>
    </form>
  );
}
