import { Link } from '@/components/ui/app-link';
import type { ReactNode } from 'react';
import { AppNav } from '@/components/layout/app-nav';
import { SessionTimeoutWarning } from '@/components/layout/session-timeout-warning';
import { UserMenu } from '@/components/layout/user-menu';
import { PrintHeader } from '@/components/layout/print-header';
import { ROLE_LABELS } from '@/lib/format';
import { navigationFor } from '@/server/auth/navigation';
import { requireSignedIn } from '@/server/auth/session';

// Every page below needs a signed-in user; each page checks its own permission too.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const { caller, name } = await requireSignedIn();
  const roleLabel = caller.role ? ROLE_LABELS[caller.role] : '';
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only print:hidden focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-bg focus:p-2">
        Skip to content
      </a>
      {/* On paper the page stands alone: no navigation, a line saying who printed it and when. */}
      <header className="border-b border-border bg-surface print:hidden">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <div className="flex flex-wrap items-center gap-6">
            <Link href="/" className="text-lg font-semibold tracking-tight">
              Proportio
            </Link>
            <AppNav items={navigationFor(caller.role)} />
          </div>
          <div className="flex items-center gap-3 text-sm">
            <UserMenu name={name} email={caller.actorLabel} roleLabel={roleLabel} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-8 print:max-w-none print:p-0">
        <PrintHeader name={name} roleLabel={roleLabel} />
        {children}
      </main>
      <SessionTimeoutWarning />
    </div>
  );
}
