import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { LoginForm } from '@/components/auth/login-form';
import { getCaller } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage() {
  if (await getCaller()) redirect('/');
  return (
    <main className="flex min-h-screen items-center justify-center bg-surface px-4">
      <div className="w-full max-w-sm rounded-lg border border-border bg-bg p-8 shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to Proportio</h1>
        <p className="mt-1 mb-6 text-sm text-muted">Every sign-in and every look at personal data is recorded.</p>
        <Suspense>
          <LoginForm />
        </Suspense>
      </div>
    </main>
  );
}
