import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { LoginForm } from '@/components/auth/login-form';
import { env } from '@/lib/env';
import { getCaller } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Sign in' };

/** Why the last session ended, when it ran out rather than being signed out. */
function endedNotice(ended: string | string[] | undefined): string | null {
  if (ended === 'idle') return `Your session ended after ${env().SESSION_IDLE_MINUTES} minutes without activity. Sign in again to go on.`;
  if (ended === 'absolute') return `Your session reached its limit of ${Math.round(env().SESSION_MAX_AGE / 3600)} hours. Sign in again to go on.`;
  return null;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ ended?: string | string[] }> }) {
  if (await getCaller()) redirect('/');
  const notice = endedNotice((await searchParams).ended);
  return (
    <main className="flex min-h-screen items-center justify-center bg-surface px-4">
      <div className="w-full max-w-sm rounded-lg border border-border bg-bg p-8 shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to Proportio</h1>
        <p className="mt-1 mb-6 text-sm text-muted">Every sign-in and every look at personal data is recorded.</p>
        {notice ? (
          <p role="status" className="mb-4 rounded-md border border-border bg-surface px-3 py-2 text-sm">
            {notice}
          </p>
        ) : null}
        <Suspense>
          <LoginForm />
        </Suspense>
      </div>
    </main>
  );
}
