import type { Metadata } from 'next';
import { AdminBreadcrumb } from '@/components/admin/admin-breadcrumb';
import { DataBoundary } from '@/components/layout/data-boundary';
import { AdminListSkeleton } from '@/components/layout/page-skeletons';
import { PageHeader } from '@/components/ui/page-header';
import { UserList } from '@/components/users/user-list';
import type { Caller } from '@/server/auth/caller';
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
  return (
    <>
      <AdminBreadcrumb current="Users" />
      <PageHeader
        title="Users"
        description="Create accounts with a one-time initial password, change roles, deactivate and unlock accounts. Every change is recorded in the access log."
      />
      {/* The permission is checked above (a refusal is a 403); a skeleton shows while the data are read on a client-side navigation. */}
      <DataBoundary fallback={<AdminListSkeleton label="Loading the users…" />} load={() => userListSection({ caller })} />
    </>
  );
}

async function userListSection({ caller }: { caller: Caller }) {
  const renderedAt = requestTime();
  const items = await listUsers(caller);
  return <UserList initialItems={items} renderedAt={renderedAt} currentUserId={caller.actorId ?? ''} />;
}
