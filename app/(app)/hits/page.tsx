import type { Metadata } from 'next';
import { HitQueue } from '@/components/hits/hit-queue';
import { DataBoundary } from '@/components/layout/data-boundary';
import { HitQueueSkeleton } from '@/components/layout/page-skeletons';
import { PageHeader } from '@/components/ui/page-header';
import { CURSOR_IGNORED_NOTICE, parseHitQuery, type HitQuery } from '@/lib/schemas/hit';
import type { Caller } from '@/server/auth/caller';
import { hasPermission } from '@/server/auth/permissions';
import { requirePagePermission, requireSignedIn } from '@/server/auth/session';
import { listAssignees } from '@/server/hits/list-assignees';
import { listHitFilterOptions } from '@/server/hits/list-hit-filter-options';
import { listHits } from '@/server/hits/list-hits';

export const metadata: Metadata = { title: 'Hits' };

// A server component renders once per request, so its clock reading is stable; the client's
// deadline countdown starts from it, so server and browser render the same text.
function requestTime(): number {
  return Date.now();
}

// The queue: the URL holds the view (filters, sort, page), so a view can be bookmarked and shared.
// The first page is read here (recording its access events) and hydrates the client's query.
// The permission is checked first (a refusal is a 403); DataBoundary shows a skeleton while the
// data are read on a client-side navigation.
export default async function HitsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePagePermission('hits.list', '/hits');
  const { query, ignored } = parseHitQuery(await searchParams);
  return (
    <>
      <PageHeader
        title="Hits"
        description="Screening hits waiting for a person’s review, most urgent first. Every hit must be reviewed within 12 hours. Names are masked; every view of this list is recorded in the access log."
      />
      <DataBoundary fallback={<HitQueueSkeleton />} load={() => hitQueueSection({ caller, query, ignored })} />
    </>
  );
}

async function hitQueueSection({ caller, query, ignored }: { caller: Caller; query: HitQuery; ignored: { key: string; message: string }[] }) {
  const { name } = await requireSignedIn();
  const renderedAt = requestTime();
  const canAssign = hasPermission(caller.role, 'hits.assign');
  const [initialPage, filterOptions, assignees] = await Promise.all([
    listHits(caller, query),
    listHitFilterOptions(caller),
    canAssign ? listAssignees(caller) : Promise.resolve([]),
  ]);
  return (
    <HitQueue
      query={query}
      ignored={initialPage.cursorIgnored ? [...ignored, { key: 'cursor', message: CURSOR_IGNORED_NOTICE }] : ignored}
      initialPage={initialPage}
      renderedAt={renderedAt}
      currentUser={{ id: caller.actorId ?? '', name }}
      canAssign={canAssign}
      assignees={assignees}
      filterOptions={filterOptions}
    />
  );
}
