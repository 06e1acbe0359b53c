'use client';

import { signInWithCredentials } from '@/lib/auth-client';
import { useSearchParams } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { LOGIN_FAILED_MESSAGE, TOTP_CODE_REQUIRED_MESSAGE, TOTP_CODE_WRONG_MESSAGE } from '@/lib/schemas/login-values';

type FieldErrors = Partial<Record<'email' | 'password' | 'code', string>>;

// Only a same-site path may be a post-login destination (no open redirect).
function safeCallback(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function LoginForm() {
  const searchParams = useSearchParams();
  const id = useId();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // The server said the password was right and a code is needed: the second step.
  const [codeStep, setCodeStep] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    // The schema (and zod with it) loads on the first submit, not with the page.
    const { loginSchema } = await import('@/lib/schemas/login');
    const parsed = loginSchema.safeParse({ email: data.get('email'), password: data.get('password'), code: codeStep ? (data.get('code') ?? '') : undefined });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === 'email' || field === 'password' || field === 'code') && !errors[field]) errors[field] = issue.message;
      }
      setFieldErrors(errors);
      setFormError(null);
      return;
    }
    setFieldErrors({});
    setFormError(null);
    setPending(true);
    if (codeStep && !parsed.data.code) {
      setFieldErrors({ code: TOTP_CODE_REQUIRED_MESSAGE });
      return;
    }
    const { code, ...credentials } = parsed.data;
    const result = await signInWithCredentials({ ...credentials, ...(code ? { code } : {}) });
    if (!result || result.error) {
      setPending(false);
      if (result?.error === TOTP_CODE_REQUIRED_MESSAGE || result?.error === TOTP_CODE_WRONG_MESSAGE) {
        setCodeStep(true);
        if (result.error === TOTP_CODE_WRONG_MESSAGE) setFieldErrors({ code: TOTP_CODE_WRONG_MESSAGE });
        else setFormError(null);
        return;
      }
      setCodeStep(false);
      setFormError(result?.error && result.error !== 'CredentialsSignin' ? result.error : LOGIN_FAILED_MESSAGE);
      return;
    }
    // A full navigation: one render of the first page with the new session (replace plus
    // refresh rendered it twice, writing every list view to the access log twice).
    window.location.assign(safeCallback(searchParams.get('callbackUrl')));
  }

  const emailError = fieldErrors.email;
  const passwordError = fieldErrors.password;
  const codeError = fieldErrors.code;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={formError ? `${id}-form-error` : undefined}>
      {formError ? (
        <p id={`${id}-form-error`} role="alert" className="rounded-md border border-danger bg-danger-bg px-3 py-2 text-sm text-danger">
          {formError}
        </p>
      ) : null}
      <div className="space-y-1">
        <Label htmlFor={`${id}-email`}>Email</Label>
        <Input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="username"
          maxLength={254}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? `${id}-email-error` : undefined}
        />
        {emailError ? (
          <p id={`${id}-email-error`} className="text-sm text-danger">
            {emailError}
          </p>
        ) : null}
      </div>
      <div className="space-y-1">
        <Label htmlFor={`${id}-password`}>Password</Label>
        <Input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          maxLength={128}
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? `${id}-password-error` : undefined}
        />
        {passwordError ? (
          <p id={`${id}-password-error`} className="text-sm text-danger">
            {passwordError}
          </p>
        ) : null}
      </div>
      {codeStep ? (
        <div className="space-y-1">
          <Label htmlFor={`${id}-code`}>Code from your authenticator app</Label>
          <p id={`${id}-code-hint`} className="text-sm text-muted">
            Two-step sign-in is on for your account: enter the 6-digit code your app shows now.
          </p>
          <Input
            id={`${id}-code`}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={8}
            autoFocus
            aria-invalid={codeError ? true : undefined}
            aria-describedby={codeError ? `${id}-code-hint ${id}-code-error` : `${id}-code-hint`}
          />
          {codeError ? (
            <p id={`${id}-code-error`} role="alert" className="text-sm text-danger">
              {codeError}
            </p>
          ) : null}
        </div>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
