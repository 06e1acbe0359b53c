'use client';

import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { apiErrors, focusFirstInvalid, type FieldErrors } from '@/components/ui/form-errors';
import { Input } from '@/components/ui/input';
import { disableTotp } from '@/lib/queries/users';
import { ErrorSummary } from '@/components/ui/error-summary';

/** Turns the user's own second factor off; a current code proves it is them, not a borrowed session. */
export function TotpDisableForm({ onDisabled }: { onDisabled: () => void }) {
  const id = useId();
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const { totpCodeSchema } = await import('@/lib/schemas/user'); // zod loads with the first submit, not with the page
    const parsed = totpCodeSchema.safeParse({ code });
    if (!parsed.success) {
      setErrors({ code: parsed.error.issues[0]?.message ?? 'Enter the 6-digit code.' });
      focusFirstInvalid(form);
      return;
    }
    setPending(true);
    setMessage(null);
    try {
      await disableTotp(parsed.data.code);
      onDisabled();
    } catch (error) {
      const shown = apiErrors(error, 'Two-step sign-in could not be turned off. Try again.', ['code']);
      setErrors(shown.fieldErrors);
      setMessage(shown.message);
      focusFirstInvalid(form);
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} noValidate className="mt-4 max-w-md space-y-3">
      {message ? (
        <p role="alert" className="text-sm text-danger">
          {message}
        </p>
      ) : null}
      <ErrorSummary errors={errors} fields={[{ key: 'code', id: `${id}-code`, label: 'Code from your authenticator app' }]} />
      <Field id={`${id}-code`} label="Code from your authenticator app" error={errors.code}>
        {(control) => (
          <Input {...control} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={8} value={code} onChange={(event) => setCode(event.target.value)} />
        )}
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        Turn off two-step sign-in
      </Button>
    </form>
  );
}
