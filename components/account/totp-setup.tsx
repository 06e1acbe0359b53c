'use client';

import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { apiErrors, focusFirstInvalid, type FieldErrors } from '@/components/ui/form-errors';
import { Input } from '@/components/ui/input';
import { beginTotpSetup, confirmTotpSetup } from '@/lib/queries/users';
import { TotpDisableForm } from './totp-disable-form';
import { ErrorSummary } from '@/components/ui/error-summary';

/**
 * Sets up two-step sign-in: a new secret (as text and as an otpauth:// URI for an authenticator
 * app), in force once a code from it is confirmed. The secret is shown only here, only now.
 */
export function TotpSetup({ enabledAt, next, required = false }: { enabledAt: string | null; next?: string; /** The role must use a second factor: no way to turn it off. */ required?: boolean }) {
  const id = useId();
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null);
  const [enabled, setEnabled] = useState(enabledAt);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  if (enabled) {
    return (
      <>
        <p role="status" className="max-w-2xl text-sm">
          Two-step sign-in is on: every sign-in asks for a code from your authenticator app. If you lose it, an administrator can reset it.
          {required ? ' Your role requires it.' : null}
        </p>
        {required ? null : <TotpDisableForm onDisabled={() => setEnabled(null)} />}
      </>
    );
  }

  async function start() {
    setPending(true);
    setMessage(null);
    try {
      setSetup(await beginTotpSetup());
    } catch (error) {
      setMessage(apiErrors(error, 'Two-step sign-in could not be set up. Try again.', []).message);
    }
    setPending(false);
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
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
    try {
      const result = await confirmTotpSetup(parsed.data.code);
      setSetup(null);
      setEnabled(result.enabledAt);
      if (next) window.location.assign(next);
    } catch (error) {
      const shown = apiErrors(error, 'The code could not be checked. Try again.', ['code']);
      setErrors(shown.fieldErrors);
      setMessage(shown.message);
      focusFirstInvalid(form);
    }
    setPending(false);
  }

  if (!setup) {
    return (
      <div className="space-y-3">
        <p className="max-w-2xl text-sm text-muted">
          With two-step sign-in, signing in needs your password and a 6-digit code from an authenticator app on your phone.
        </p>
        {message ? (
          <p role="alert" className="text-sm text-danger">
            {message}
          </p>
        ) : null}
        <Button onClick={() => void start()} disabled={pending}>
          Set up two-step sign-in
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={confirm} noValidate className="max-w-2xl space-y-4">
      <p className="text-sm">
        Add this account to your authenticator app with the secret below (or the link, on a phone), then enter the code it shows. The
        secret is not shown again.
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-muted">Secret</dt>
        <dd>
          <code data-testid="totp-secret" className="break-all font-mono">
            {setup.secret}
          </code>
        </dd>
        <dt className="text-muted">Link</dt>
        <dd className="break-all">
          <a href={setup.uri} className="underline">
            {setup.uri}
          </a>
        </dd>
      </dl>
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
      <Button type="submit" disabled={pending}>
        Turn on two-step sign-in
      </Button>
    </form>
  );
}
