import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requirePagePermission } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Administration' };

export default async function Page() {
  await requirePagePermission('users.manage', '/admin');
  return <PageHeader title="Administration" description="Users, roles, watchlists, retention policies and API tokens are managed here; the management screens arrive with their workflows." />;
}
