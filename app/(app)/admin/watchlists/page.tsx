import type { Metadata } from 'next';
import { AdminBreadcrumb } from '@/components/admin/admin-breadcrumb';
import { WatchlistSourceList } from '@/components/admin/watchlist-source-list';
import { DataBoundary } from '@/components/layout/data-boundary';
import { AdminListSkeleton } from '@/components/layout/page-skeletons';
import { PageHeader } from '@/components/ui/page-header';
import type { Caller } from '@/server/auth/caller';
import { requirePagePermission } from '@/server/auth/session';
import { listWatchlistSources } from '@/server/ingest/watchlists/list-sources';

export const metadata: Metadata = { title: 'Watchlists' };

// A server component renders once per request, so its clock reading is stable; the client's
// query counts its freshness from it.
function requestTime(): number {
  return Date.now();
}

// The watchlists' size and freshness, and the OFAC sdn.csv import; the first read hydrates the client's query.
export default async function WatchlistsPage() {
  const caller = await requirePagePermission('watchlists.manage', '/admin/watchlists');
  return (
    <>
      <AdminBreadcrumb current="Watchlists" />
      <PageHeader
        title="Watchlists"
        description="The lists travellers are screened against. Systems also send entries through the API; an import here is recorded in the access log like theirs."
      />
      {/* The permission is checked above (a refusal is a 403); a skeleton shows while the data are read on a client-side navigation. */}
      <DataBoundary fallback={<AdminListSkeleton label="Loading the watchlists…" />} load={() => watchlistSourceSection({ caller })} />
    </>
  );
}

async function watchlistSourceSection({ caller }: { caller: Caller }) {
  const renderedAt = requestTime();
  const items = await listWatchlistSources(caller);
  return <WatchlistSourceList initialItems={items} renderedAt={renderedAt} />;
}
