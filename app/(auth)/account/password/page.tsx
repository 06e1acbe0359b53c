import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { SignOutButton } from '@/components/layout/sign-out-button';
import { getSignedIn } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Choose your password' };

// Where a user with a one-time initial password is sent before anything else
// (server/auth/session.ts requireSignedIn); outside the app's layout, which would send them here.
export default async function InitialPasswordPage() {
  const signedIn = await getSignedIn();
  if (!signedIn) redirect('/login');
  if (!signedIn.mustChangePassword) redirect('/account');
  return (
    <main className="flex min-h-screen items-center justify-center bg-surface px-4">
      <div className="w-full max-w-md rounded-lg border border-border bg-bg p-8 shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">Choose your password</h1>
        <p className="mt-1 mb-6 text-sm text-muted">
          Welcome, {signedIn.name}. You signed in with a one-time initial password; choose one of your own before you go on.
        </p>
        <ChangePasswordForm email={signedIn.caller.actorLabel} next="/" currentLabel="Initial password" />
        <div className="mt-6 border-t border-border pt-4">
          <SignOutButton />
        </div>
      </div>
    </main>
  );
}
