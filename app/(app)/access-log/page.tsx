import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requirePagePermission } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Access log' };

export default async function Page() {
  await requirePagePermission('access-log.read', '/access-log');
  return <PageHeader title="Access log" description="Who looked at which person, when and why. Search, reports and integrity verification arrive with the access-log workflow; every event is already being recorded." />;
}
