import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { MIN_JUSTIFICATION } from '@/lib/schemas/escalation-values';

// Controls of the escalation request that the shared primitives do not cover.

/** A justification with its live length against the minimum (counted as the server counts: trimmed). */
export function JustificationField({
  id,
  label,
  hint,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const length = value.trim().length;
  const enough = length >= MIN_JUSTIFICATION;
  return (
    <Field
      id={id}
      label={label}
      error={error}
      hint={
        <>
          {hint}{' '}
          <span className={enough ? 'text-ok' : undefined}>
            <span className="tabular-nums">{length}</span> / {MIN_JUSTIFICATION} minimum
          </span>
        </>
      }
    >
      {(control) => (
        <>
          <Textarea {...control} value={value} rows={5} maxLength={4000} aria-required onChange={(event) => onChange(event.target.value)} />
          {/* Announced once when the minimum is reached, not on every keystroke. */}
          <span aria-live="polite" className="sr-only">
            {enough ? `${label}: minimum length reached.` : ''}
          </span>
        </>
      )}
    </Field>
  );
}

/**
 * Several choices as checkboxes, each with its description; named by its legend, its error tied
 * to it. A group cannot carry aria-required, so the hint says that one choice is needed.
 */
export function CheckboxGroupField<T extends string>({
  id,
  legend,
  hint,
  options,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  hint?: string;
  options: Readonly<Record<T, string>>;
  value: readonly T[];
  onChange: (value: T[]) => void;
  error?: string;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const keys = Object.keys(options) as T[];
  function toggle(key: T, checked: boolean) {
    // Keep the options' order, whatever the order of clicks.
    onChange(keys.filter((candidate) => (candidate === key ? checked : value.includes(candidate))));
  }
  return (
    <fieldset id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} className="space-y-1">
      <legend className="text-sm font-medium text-fg">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {keys.map((key) => (
        <label key={key} className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name={id}
            value={key}
            checked={value.includes(key)}
            onChange={(event) => toggle(key, event.target.checked)}
            className="mt-0.5 size-4 accent-primary"
          />
          <span>{options[key]}</span>
        </label>
      ))}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Says where the draft lives, and lets the analyst start over. */
export function DraftNotice({ saved, onDiscard }: { saved: boolean; onDiscard: () => void }) {
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm text-muted">
      <p>Draft saved in this browser tab. It is discarded when the tab closes or the request is sent.</p>
      {saved ? (
        <Button type="button" size="sm" variant="ghost" onClick={onDiscard}>
          Discard draft
        </Button>
      ) : null}
    </div>
  );
}
