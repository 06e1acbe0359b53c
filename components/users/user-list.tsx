'use client';

import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ApiError } from '@/lib/api-client';
import { userListOptions } from '@/lib/queries/users';
import type { UserView } from '@/lib/schemas/user';
import { ChangeRoleDialog } from './change-role-dialog';
import { CreateUserDialog } from './create-user-dialog';
import { UserActionDialog } from './user-action-dialog';
import { UserTable, type UserAction } from './user-table';

/** The administrator's users: first read on the server, then kept by the client's query. */
export function UserList({ initialItems, renderedAt, currentUserId }: { initialItems: UserView[]; renderedAt: number; currentUserId: string }) {
  const { data: items, isError, error } = useQuery({ ...userListOptions(), initialData: initialItems, initialDataUpdatedAt: renderedAt });
  const [pending, setPending] = useState<{ user: UserView; action: UserAction } | null>(null);
  const onAction = useCallback((user: UserView, action: UserAction) => setPending({ user, action }), []);
  const active = items.filter((item) => item.active).length;
  const close = (open: boolean) => (open ? undefined : setPending(null));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p id="user-list-description" className="text-sm text-muted">
          {items.length} {items.length === 1 ? 'user' : 'users'}, {active} active. A role change or deactivation signs the person out at once. Nobody
          changes their own role or deactivates themselves.
        </p>
        <CreateUserDialog />
      </div>
      {isError ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-bg p-3 text-sm text-danger">
          Could not refresh the list: {error instanceof ApiError ? error.message : 'the server did not answer.'} The list below is the last one loaded.
        </p>
      ) : null}
      <UserTable items={items} currentUserId={currentUserId} emptyState="No users yet. Create one with “Create user” above; they choose their own password at first sign-in." onAction={onAction} />
      <ChangeRoleDialog user={pending?.action === 'role' ? pending.user : null} onOpenChange={close} />
      <UserActionDialog pending={pending && pending.action !== 'role' ? { user: pending.user, action: pending.action } : null} onOpenChange={close} />
    </div>
  );
}
