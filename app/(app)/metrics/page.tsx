import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requirePagePermission } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Metrics' };

export default async function Page() {
  await requirePagePermission('metrics.read', '/metrics');
  return <PageHeader title="Metrics" description="The proportionality funnel, false-positive rates per watchlist and retention figures arrive with the metrics workflow." />;
}
