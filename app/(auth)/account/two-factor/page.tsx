import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { TotpSetup } from '@/components/account/totp-setup';
import { SignOutButton } from '@/components/layout/sign-out-button';
import { getSignedIn } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Set up two-step sign-in' };

// Where a user whose role requires a second factor (TOTP_REQUIRED_ROLES) without one is sent before
// anything else (server/auth/session.ts requireSignedIn); outside the app's layout, which would send them here.
export default async function TwoFactorSetupPage() {
  const signedIn = await getSignedIn();
  if (!signedIn) redirect('/login');
  if (signedIn.mustChangePassword) redirect('/account/password');
  if (!signedIn.totpSetupRequired) redirect('/account');
  return (
    <main className="flex min-h-screen items-center justify-center bg-surface px-4">
      <div className="w-full max-w-xl rounded-lg border border-border bg-bg p-8 shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">Set up two-step sign-in</h1>
        <p className="mt-1 mb-6 text-sm text-muted">Welcome, {signedIn.name}. Your role requires a code from an authenticator app at every sign-in; set it up before you go on.</p>
        <TotpSetup enabledAt={null} next="/" />
        <div className="mt-6 border-t border-border pt-4">
          <SignOutButton />
        </div>
      </div>
    </main>
  );
}
