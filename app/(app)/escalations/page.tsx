import type { Metadata } from 'next';
import { EscalationList } from '@/components/escalations/escalation-list';
import { DataBoundary } from '@/components/layout/data-boundary';
import { EscalationListSkeleton } from '@/components/layout/page-skeletons';
import { PageHeader } from '@/components/ui/page-header';
import type { EscalationListStatus } from '@/lib/queries/escalations';
import { escalationListFilterSchema } from '@/lib/schemas/escalation';
import type { Caller } from '@/server/auth/caller';
import { requirePagePermission } from '@/server/auth/session';
import { listEscalations } from '@/server/escalations/list-escalations';

export const metadata: Metadata = { title: 'Escalations' };

// A server component renders once per request, so its clock reading is stable; the client's
// ages count from it, so server and browser render the same text.
function requestTime(): number {
  return Date.now();
}

// The supervisors' list: the URL holds the status view; the first read hydrates the client's query.
// The permission is checked first (a refusal is a 403); DataBoundary shows a skeleton while the
// data are read on a client-side navigation.
export default async function EscalationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePagePermission('escalations.list', '/escalations');
  const raw = (await searchParams).status;
  const { status } = escalationListFilterSchema.parse({ status: Array.isArray(raw) ? raw[0] : raw });
  return (
    <>
      <PageHeader
        title="Escalations"
        description="Escalation requests waiting for a second person’s decision (four-eyes): nobody decides their own request. Pending requests are oldest first."
      />
      <DataBoundary fallback={<EscalationListSkeleton />} load={() => escalationListSection({ caller, status })} />
    </>
  );
}

async function escalationListSection({ caller, status }: { caller: Caller; status: EscalationListStatus }) {
  const renderedAt = requestTime();
  const items = await listEscalations(caller, { status });
  return <EscalationList key={status} status={status} initialItems={items} renderedAt={renderedAt} />;
}
