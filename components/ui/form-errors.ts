import type { z } from 'zod';
import { ApiError } from '@/lib/api-client';

// Errors as a form shows them: one message per field, plus one for the form.

export type FieldErrors = Record<string, string>;

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= issue.message;
  }
  return errors;
}

/**
 * The server's answer as field errors and a form message. The message is left out only when
 * every field error is shown beside a field of the form (`shownFields`).
 */
export function apiErrors(
  error: unknown,
  fallback: string,
  shownFields: readonly string[],
): { fieldErrors: FieldErrors; message: string | null } {
  if (!(error instanceof ApiError)) return { fieldErrors: {}, message: fallback };
  const fieldErrors = error.body.fieldErrors ?? {};
  const keys = Object.keys(fieldErrors);
  const allShown = keys.length > 0 && keys.every((key) => shownFields.includes(key));
  return { fieldErrors, message: allShown ? null : error.message };
}

/**
 * After a failed submit, put focus on the first control with an error, once React has rendered
 * it. Frame by frame for up to half a second: a form that validated after an await (its schema
 * loaded on the first submit) renders its errors a little later than one that validated at once.
 */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  let frames = 0;
  const attempt = () => {
    const control = form?.querySelector<HTMLElement>(
      '[aria-invalid="true"] input, input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"]',
    );
    if (control) control.focus();
    else if (++frames < 30) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
