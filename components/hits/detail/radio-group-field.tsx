// A required choice as radio buttons: named by its legend, its error tied to it (the form's ErrorSummary announces it).
export function RadioGroupField<T extends string>({
  id,
  legend,
  options,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  options: Readonly<Record<T, string>>;
  value: T | '';
  onChange: (value: T) => void;
  error?: string;
}) {
  return (
    <fieldset
      id={id}
      role="radiogroup"
      aria-labelledby={`${id}-legend`}
      aria-describedby={error ? `${id}-error` : undefined}
      aria-invalid={error ? true : undefined}
      aria-required
      className="space-y-1"
    >
      <legend id={`${id}-legend`} className="text-sm font-medium text-fg">
        {legend}
      </legend>
      {(Object.entries(options) as [T, string][]).map(([key, label]) => (
        <label key={key} className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name={id}
            value={key}
            checked={value === key}
            onChange={() => onChange(key)}
            className="mt-0.5 size-4 accent-primary"
          />
          <span>{label}</span>
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
