import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { TotpSetup } from '@/components/account/totp-setup';
import { PageHeader } from '@/components/ui/page-header';
import { ROLE_LABELS } from '@/lib/format';
import { getOwnTotpEnabledAt, totpRequiredFor } from '@/server/auth/manage-totp';
import { requireSignedIn } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Your account' };

// Every signed-in user's own account: who they are here, and their password.
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const { caller, name } = await requireSignedIn();
  const { changed } = await searchParams;
  const totpEnabledAt = await getOwnTotpEnabledAt(caller);
  return (
    <>
      <PageHeader title="Your account" description="Your role and unit are set by an administrator." />
      {changed === '1' ? (
        <p role="status" className="mb-6 max-w-2xl rounded-md border border-ok p-3 text-sm">
          Your password was changed. Every other session of yours has ended.
        </p>
      ) : null}
      <dl className="mb-8 grid max-w-md grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
        <dt className="text-muted">Name</dt>
        <dd>{name}</dd>
        <dt className="text-muted">Email</dt>
        <dd>{caller.actorLabel}</dd>
        <dt className="text-muted">Role</dt>
        <dd>{caller.role ? ROLE_LABELS[caller.role] : ''}</dd>
      </dl>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading" className="mb-1 text-lg font-semibold">
          Change your password
        </h2>
        <p className="mb-4 max-w-2xl text-sm text-muted">Changing it signs you out everywhere else; this browser stays signed in.</p>
        <ChangePasswordForm email={caller.actorLabel} next="/account?changed=1" />
      </section>
      <section aria-labelledby="totp-heading" className="mt-10">
        <h2 id="totp-heading" className="mb-1 text-lg font-semibold">
          Two-step sign-in
        </h2>
        <TotpSetup enabledAt={totpEnabledAt} required={caller.role ? totpRequiredFor(caller.role) : false} />
      </section>
    </>
  );
}
