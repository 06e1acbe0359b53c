import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requirePagePermission } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Escalations' };

export default async function Page() {
  await requirePagePermission('escalations.list', '/escalations');
  return <PageHeader title="Escalations" description="Escalation requests waiting for a second person’s decision. Nothing is pending in this first version: requesting and deciding escalations arrive with the escalation workflow." />;
}
