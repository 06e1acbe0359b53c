import type { Metadata } from 'next';
import { HitTable } from '@/components/hits/hit-table';
import { PageHeader } from '@/components/ui/page-header';
import { listHits } from '@/server/hits/list-hits';
import { requirePagePermission } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Hits' };

export default async function HitsPage() {
  const caller = await requirePagePermission('hits.list', '/hits');
  const hits = await listHits(caller);
  return (
    <>
      <PageHeader
        title="Hits"
        description="Open screening hits, most urgent first. Names are masked; every view of this list is recorded in the access log."
      />
      <HitTable hits={hits} now={new Date()} />
    </>
  );
}
