import type { ApiTokenScope } from '@/lib/schemas/api-token';
import { API_TOKEN_SCOPES } from '@/lib/schemas/api-token-values';

const SCOPES = Object.keys(API_TOKEN_SCOPES) as ApiTokenScope[];

/** The scopes as checkboxes, each with what it opens; named by its legend, its error tied to it (a group cannot carry aria-required: the hint says one is needed). */
export function ScopeCheckboxes({ id, value, onChange, error }: { id: string; value: readonly ApiTokenScope[]; onChange: (value: ApiTokenScope[]) => void; error?: string }) {
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  function toggle(scope: ApiTokenScope, checked: boolean) {
    // Keep the scopes' order, whatever the order of clicks.
    onChange(SCOPES.filter((candidate) => (candidate === scope ? checked : value.includes(candidate))));
  }
  return (
    <fieldset id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} className="space-y-2">
      <legend className="text-sm font-medium text-fg">Scopes</legend>
      <p id={`${id}-hint`} className="text-xs text-muted">
        Choose at least one. Give the system only what it needs. No scope reads travellers’ personal data or hits.
      </p>
      {SCOPES.map((scope) => (
        <label key={scope} className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name={id}
            value={scope}
            checked={value.includes(scope)}
            onChange={(event) => toggle(scope, event.target.checked)}
            className="mt-0.5 size-4 accent-primary"
          />
          <span>
            <code className="font-mono text-xs font-semibold">{scope}</code>{' '}
            <span className="block text-muted">{API_TOKEN_SCOPES[scope]}</span>
          </span>
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
