import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Link } from '@/components/ui/app-link';
import { PageHeader } from '@/components/ui/page-header';
import { callerMay } from '@/server/auth/require-permission';
import { requirePagePermission } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Administration' };

function Card({ id, title, href, action, children }: { id: string; title: string; href: string; action: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col rounded-md border border-border p-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 flex-1 text-sm text-muted">{children}</p>
      <p className="mt-3">
        <Link href={href} className="font-medium text-primary underline underline-offset-4">
          {action}
        </Link>
      </p>
    </section>
  );
}

// The administrator's start page: one card per screen the caller's permissions open.
export default async function Page() {
  const caller = await requirePagePermission('users.manage', '/admin');
  return (
    <>
      <PageHeader title="Administration" description="Manage who uses Proportio, how the unit’s systems feed it — API tokens and watchlists — and how long their data are kept." />
      <div className="grid gap-6 md:grid-cols-2 lg:grid-cols-3">
        {callerMay(caller, 'users.manage') ? (
          <Card id="users" title="Users" href="/admin/users" action="Manage users">
            Who may use Proportio and in which role. Create an account with a one-time initial password, change a role, deactivate or unlock an
            account; each change applies from the person’s next request and is recorded.
          </Card>
        ) : null}
        {callerMay(caller, 'api-tokens.manage') ? (
          <Card id="api-tokens" title="API tokens" href="/admin/api-tokens" action="Manage API tokens">
            Tokens let a system — an airline gateway, an external screening engine — send watchlists, travellers and hits. Each has only the
            scopes it needs and an expiry date; its secret is shown once.
          </Card>
        ) : null}
        {callerMay(caller, 'watchlists.manage') ? (
          <Card id="watchlists" title="Watchlists" href="/admin/watchlists" action="Manage watchlists">
            Each list’s size, delisted entries and last import; import OFAC’s published sdn.csv with a report of every row that could not be read.
          </Card>
        ) : null}
        {callerMay(caller, 'retention.manage') ? (
          <Card id="retention" title="Retention" href="/admin/retention" action="Manage retention">
            How long travellers’ data are kept before masking and erasure, within the law’s limits; the records an open escalation holds; the retention job’s runs,
            with a dry run before a real one.
          </Card>
        ) : null}
        <Card id="api-docs" title="API reference" href="/api-docs" action="Read the API reference">
          Every operation of the ingestion API with its scope, fields and answers, generated from the schemas the server validates with.
        </Card>
      </div>
      <p className="mt-6 max-w-3xl text-sm text-muted">
        Nobody changes their own role or deactivates their own account: another administrator does. Administrators never see travellers’ personal data.
      </p>
    </>
  );
}
