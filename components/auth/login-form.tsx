'use client';

import { signIn } from 'next-auth/react';
import { useSearchParams } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { LOGIN_FAILED_MESSAGE, loginSchema } from '@/lib/schemas/login';

type FieldErrors = Partial<Record<'email' | 'password', string>>;

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

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = loginSchema.safeParse({ email: data.get('email'), password: data.get('password') });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === 'email' || field === 'password') && !errors[field]) errors[field] = issue.message;
      }
      setFieldErrors(errors);
      setFormError(null);
      return;
    }
    setFieldErrors({});
    setFormError(null);
    setPending(true);
    const result = await signIn('credentials', { ...parsed.data, redirect: false });
    if (!result || result.error) {
      setPending(false);
      setFormError(result?.error && result.error !== 'CredentialsSignin' ? result.error : LOGIN_FAILED_MESSAGE);
      return;
    }
    // A full navigation: one render of the first page with the new session (replace plus
    // refresh rendered it twice, writing every list view to the access log twice).
    window.location.assign(safeCallback(searchParams.get('callbackUrl')));
  }

  const emailError = fieldErrors.email;
  const passwordError = fieldErrors.password;
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
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
