import type { Metadata } from 'next';
import { EscalationList } from '@/components/escalations/escalation-list';
import { PageHeader } from '@/components/ui/page-header';
import { escalationListFilterSchema } from '@/lib/schemas/escalation';
import { requirePagePermission } from '@/server/auth/session';
import { listEscalations } from '@/server/escalations/list-escalations';

export const metadata: Metadata = { title: 'Escalations' };

// A server component renders once per request, so its clock reading is stable; the client's
// ages count from it, so server and browser render the same text.
function requestTime(): number {
  return Date.now();
}

// The supervisors' list: the URL holds the status view; the first read hydrates the client's query.
export default async function EscalationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePagePermission('escalations.list', '/escalations');
  const raw = (await searchParams).status;
  const { status } = escalationListFilterSchema.parse({ status: Array.isArray(raw) ? raw[0] : raw });
  const renderedAt = requestTime();
  const items = await listEscalations(caller, { status });
  return (
    <>
      <PageHeader
        title="Escalations"
        description="Escalation requests waiting for a second person’s decision (four-eyes): nobody decides their own request. Pending requests are oldest first."
      />
      <EscalationList key={status} status={status} initialItems={items} renderedAt={renderedAt} />
    </>
  );
}
