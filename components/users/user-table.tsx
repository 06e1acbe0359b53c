'use client';

import { createColumnHelper, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { LocalTime } from '@/components/ui/local-time';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { DataTableCells, DataTableEmpty, DataTableHead } from '@/components/ui/data-table';
import { ROLE_LABELS } from '@/lib/format';
import type { UserView } from '@/lib/schemas/user';
import { UserStateBadges, userNameId } from './user-labels';

export type UserAction = 'role' | 'deactivate' | 'reactivate' | 'unlock' | 'reset-totp';

const column = createColumnHelper<UserView>();

function Actions({ user, isSelf, onAction }: { user: UserView; isSelf: boolean; onAction: (user: UserView, action: UserAction) => void }) {
  if (isSelf) return <span className="text-xs text-muted">Your own account: another administrator changes it.</span>;
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="button" size="sm" variant="secondary" onClick={() => onAction(user, 'role')}>
        Change role<span className="sr-only"> of {user.name}</span>
      </Button>
      {user.lockedUntil ? (
        <Button type="button" size="sm" variant="secondary" onClick={() => onAction(user, 'unlock')}>
          Unlock<span className="sr-only"> {user.name}</span>
        </Button>
      ) : null}
      {user.totpEnabled ? (
        <Button type="button" size="sm" variant="secondary" onClick={() => onAction(user, 'reset-totp')}>
          Reset two-step sign-in<span className="sr-only"> of {user.name}</span>
        </Button>
      ) : null}
      {user.active ? (
        <Button type="button" size="sm" variant="secondary" onClick={() => onAction(user, 'deactivate')}>
          Deactivate<span className="sr-only"> {user.name}</span>
        </Button>
      ) : (
        <Button type="button" size="sm" variant="secondary" onClick={() => onAction(user, 'reactivate')}>
          Reactivate<span className="sr-only"> {user.name}</span>
        </Button>
      )}
    </div>
  );
}

/** Every user with their role and state; actions on others' accounts, none on one's own. */
export function UserTable({
  items,
  currentUserId,
  emptyState,
  onAction,
}: {
  items: UserView[];
  currentUserId: string;
  emptyState: ReactNode;
  onAction: (user: UserView, action: UserAction) => void;
}) {
  const columns = useMemo<ColumnDef<UserView>[]>(
    () => [
      column.display({
        id: 'name',
        header: 'Name',
        cell: ({ row }) => (
          <span id={userNameId(row.original.id)} tabIndex={-1} className="font-medium">
            {row.original.name}
          </span>
        ),
      }),
      column.display({ id: 'email', header: 'Email', cell: ({ row }) => <span className="break-all">{row.original.email}</span> }),
      column.display({ id: 'role', header: 'Role', cell: ({ row }) => ROLE_LABELS[row.original.role] }),
      column.display({ id: 'unit', header: 'Unit', cell: ({ row }) => row.original.unit }),
      column.display({ id: 'state', header: 'State', cell: ({ row }) => <UserStateBadges user={row.original} /> }),
      column.display({ id: 'lastLogin', header: 'Last sign-in', cell: ({ row }) => (row.original.lastLoginAt ? <LocalTime iso={row.original.lastLoginAt} /> : 'Never') }),
      column.display({
        id: 'actions',
        header: () => <span className="sr-only">Actions</span>,
        cell: ({ row }) => <Actions user={row.original} isSelf={row.original.id === currentUserId} onAction={onAction} />,
      }),
    ],
    [currentUserId, onAction],
  );

  // TanStack Table returns fresh functions each render by design; it is not memoised here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: items, columns, getRowId: (item) => item.id, getCoreRowModel: getCoreRowModel() });
  const rows = table.getRowModel().rows;

  return (
    <div className="relative overflow-x-auto rounded-md border border-border">
      <table className="w-full text-left text-sm" aria-describedby="user-list-description">
        <caption className="px-3 py-2 text-left text-sm font-semibold">Users</caption>
        <DataTableHead table={table} />
        <tbody>
          {rows.length === 0 ? <DataTableEmpty colSpan={columns.length}>{emptyState}</DataTableEmpty> : null}
          {rows.map((row) => (
            <tr key={row.id} data-user-id={row.original.id} className={cn('border-t border-border align-top', !row.original.active && 'text-muted')}>
              <DataTableCells row={row} rowHeader="name" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
