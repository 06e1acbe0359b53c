import type { Metadata } from 'next';
import { AccessLogBrowser } from '@/components/access-log/access-log-browser';
import { DataBoundary } from '@/components/layout/data-boundary';
import { AccessLogSkeleton } from '@/components/layout/page-skeletons';
import { VerifyChainPanel } from '@/components/access-log/verify-chain-panel';
import { Link } from '@/components/ui/app-link';
import { PageHeader } from '@/components/ui/page-header';
import { parseAccessLogQuery, type AccessLogQuery } from '@/lib/schemas/access-log';
import type { Caller } from '@/server/auth/caller';
import { searchAccessLog } from '@/server/access-log/search-access-log';
import { SearchTooBroadError } from '@/server/access-log/search-timeout';
import { hasPermission } from '@/server/auth/permissions';
import { requirePagePermission } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Access log' };

// The URL holds the search; the page reads one page of it (searchAccessLog records the search
// as an access event) and the client only renders it: no background refetch, one event per view.
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePagePermission('access-log.read', '/access-log');
  const { query, ignored } = parseAccessLogQuery(await searchParams);
  const canVerify = hasPermission(caller.role, 'access-log.verify');
  return (
    <>
      <PageHeader
        title="Access log"
        description="Who did what to which person’s data, when, why and from where — newest first. Every search here is itself recorded."
      />
      <div className="space-y-6">
        {/* The permission is checked above (a refusal is a 403); a skeleton shows while the data are read on a client-side navigation. */}
        <DataBoundary fallback={<AccessLogSkeleton />} load={() => accessLogSection({ caller, query, ignored })} />
        <div className="grid gap-6 lg:grid-cols-2">
          {canVerify ? <VerifyChainPanel /> : null}
          <section aria-labelledby="reviews-heading" className="rounded-md border border-border p-4 print:hidden">
            <h2 id="reviews-heading" className="text-lg font-semibold">
              Re-personalisations to review
            </h2>
            <p className="mt-1 text-sm text-muted">
              Every approved re-personalisation of masked data (PNR art. 12(3)) is reported to you for an ex-post review.
            </p>
            <p className="mt-3">
              <Link href="/access-log/repersonalisations" className="font-medium text-primary underline">
                Open the re-personalisation reviews
              </Link>
            </p>
          </section>
          <section aria-labelledby="anomalies-heading" className="rounded-md border border-border p-4 print:hidden">
            <h2 id="anomalies-heading" className="text-lg font-semibold">
              Anomaly flags
            </h2>
            <p className="mt-1 text-sm text-muted">Named rules over the last 30 days that point at access worth a second look.</p>
            <p className="mt-3">
              <Link href="/access-log/anomalies" className="font-medium text-primary underline">
                Open the anomaly flags
              </Link>
            </p>
          </section>
        </div>
      </div>
    </>
  );
}

async function accessLogSection({ caller, query, ignored }: { caller: Caller; query: AccessLogQuery; ignored: { key: string; message: string }[] }) {
  const canExport = hasPermission(caller.role, 'access-log.export');
  try {
    const page = await searchAccessLog(caller, query);
    return <AccessLogBrowser query={query} ignored={ignored} page={page} canExport={canExport} />;
  } catch (error) {
    // A search stopped by its time limit: the form stays, with what to change.
    if (!(error instanceof SearchTooBroadError)) throw error;
    const notice = { key: 'search', message: error.message };
    return <AccessLogBrowser query={query} ignored={[...ignored, notice]} page={{ items: [], nextCursor: null, persons: null }} canExport={canExport} />;
  }
}
