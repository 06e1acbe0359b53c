import type { Metadata } from 'next';
import { AdminBreadcrumb } from '@/components/admin/admin-breadcrumb';
import { PageHeader } from '@/components/ui/page-header';
import { UserList } from '@/components/users/user-list';
import { requirePagePermission } from '@/server/auth/session';
import { listUsers } from '@/server/users/list-users';

export const metadata: Metadata = { title: 'Users' };

// A server component renders once per request, so its clock reading is stable; the client's
// query counts its freshness from it.
function requestTime(): number {
  return Date.now();
}

// Who may use Proportio and in which role (issue 9); the first read hydrates the client's query.
export default async function UsersPage() {
  const caller = await requirePagePermission('users.manage', '/admin/users');
  const renderedAt = requestTime();
  const items = await listUsers(caller);
  return (
    <>
      <AdminBreadcrumb current="Users" />
      <PageHeader
        title="Users"
        description="Create accounts with a one-time initial password, change roles, deactivate and unlock accounts. Every change is recorded in the access log."
      />
      <UserList initialItems={items} renderedAt={renderedAt} currentUserId={caller.actorId ?? ''} />
    </>
  );
}
