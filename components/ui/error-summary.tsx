'use client';

import type { MouseEvent } from 'react';
import type { FieldErrors } from './form-errors';

/** A control a summary can point at: the key of its error, the id of the control (or its fieldset) and its label. */
export interface SummaryField {
  key: string;
  id: string;
  label: string;
}

// A link to a fieldset focuses its first choice; to anything else, the control itself.
function focusControl(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  const control = target.matches('fieldset, [role="radiogroup"], [role="group"]') ? target.querySelector<HTMLElement>('input, select, textarea') : target;
  control?.focus();
}

/**
 * The field errors of a submitted form, announced once as one alert and each linked to its
 * control (WCAG 3.3.1, 4.1.3). The errors beside the fields are tied to them by
 * aria-describedby and are not announced again.
 */
export function ErrorSummary({ errors, fields }: { errors: FieldErrors; fields: readonly SummaryField[] }) {
  const shown = fields.filter((field) => errors[field.key]);
  if (shown.length === 0) return null;
  return (
    <div role="alert" className="rounded-md border border-danger bg-danger-bg p-3 text-sm text-danger">
      <p className="font-medium">{shown.length === 1 ? 'One field needs attention:' : `${shown.length} fields need attention:`}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {shown.map((field) => (
          <li key={field.key}>
            <a href={`#${field.id}`} onClick={(event) => focusControl(event, field.id)} className="font-medium underline underline-offset-2">
              {field.label}
            </a>
            : {errors[field.key]}
          </li>
        ))}
      </ul>
    </div>
  );
}
