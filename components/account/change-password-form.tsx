'use client';

import { signInWithCredentials } from '@/lib/auth-client';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { apiErrors, focusFirstInvalid, zodFieldErrors, type FieldErrors } from '@/components/ui/form-errors';
import { Input } from '@/components/ui/input';
import { changeOwnPassword } from '@/lib/queries/users';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/schemas/user-values';
import { ErrorSummary } from '@/components/ui/error-summary';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

/**
 * Changes the signed-in user's password. The server ends every session of the user, this one
 * included, so the form signs in again with the new password and then goes to `next`.
 */
export function ChangePasswordForm({ email, next, currentLabel = 'Current password' }: { email: string; next: string; currentLabel?: string }) {
  const id = useId();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const set = (field: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    setMessage(null);
    const { changePasswordSchema } = await import('@/lib/schemas/user'); // zod loads with the first submit, not with the page
    const parsed = changePasswordSchema.safeParse({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    const fieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
    if (!fieldErrors.newPassword && values.confirmPassword !== values.newPassword) fieldErrors.confirmPassword = 'Type the same new password twice.';
    if (!parsed.success || Object.keys(fieldErrors).length > 0) {
      setErrors(fieldErrors);
      focusFirstInvalid(form);
      return;
    }
    setErrors({});
    setPending(true);
    try {
      await changeOwnPassword(parsed.data);
    } catch (error) {
      const shown = apiErrors(error, 'The password could not be changed. Try again.', FIELDS);
      setErrors(shown.fieldErrors);
      setMessage(shown.message);
      setPending(false);
      focusFirstInvalid(form);
      return;
    }
    // Every session ended with the change; this browser signs in again to go on.
    const result = await signInWithCredentials({ email, password: parsed.data.newPassword });
    if (!result || result.error) {
      // A full navigation, as after signing in: no page of the ended session stays in the client.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign('/login');
      return;
    }
    window.location.assign(next);
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="max-w-md space-y-4">
      {/* For password managers: whose password this is. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <ErrorSummary
        errors={errors}
        fields={[
          { key: 'currentPassword', id: `${id}-current`, label: currentLabel },
          { key: 'newPassword', id: `${id}-new`, label: 'New password' },
          { key: 'confirmPassword', id: `${id}-confirm`, label: 'New password again' },
        ]}
      />
      <Field id={`${id}-current`} label={currentLabel} error={errors.currentPassword}>
        {(control) => (
          <Input {...control} type="password" autoComplete="current-password" maxLength={PASSWORD_MAX_LENGTH} value={values.currentPassword} aria-required onChange={(event) => set('currentPassword')(event.target.value)} />
        )}
      </Field>
      <Field
        id={`${id}-new`}
        label="New password"
        hint={`${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, any you like; a few unrelated words are easy to remember and hard to guess. Not a common password, not your email or name.`}
        error={errors.newPassword}
      >
        {(control) => (
          <Input {...control} type="password" autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} value={values.newPassword} aria-required onChange={(event) => set('newPassword')(event.target.value)} />
        )}
      </Field>
      <Field id={`${id}-confirm`} label="New password again" error={errors.confirmPassword}>
        {(control) => (
          <Input {...control} type="password" autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} value={values.confirmPassword} aria-required onChange={(event) => set('confirmPassword')(event.target.value)} />
        )}
      </Field>
      {message ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-bg p-3 text-sm text-danger">
          {message}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? 'Changing…' : 'Change password'}
      </Button>
    </form>
  );
}
