'use client';

import { createColumnHelper, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { LocalTime } from '@/components/ui/local-time';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { DataTableCells, DataTableEmpty, DataTableHead } from '@/components/ui/data-table';
import type { ApiTokenView } from '@/lib/schemas/api-token';
import { API_TOKEN_SCOPES } from '@/lib/schemas/api-token-values';
import { ApiTokenStateBadge, tokenLabel } from './api-token-labels';

const column = createColumnHelper<ApiTokenView>();

/** The id of a token's name cell: focus lands there when its revoke button is gone. */
export function apiTokenNameId(id: string): string {
  return `api-token-${id}`;
}

/** The id of a token's revoke button, for returning focus after the dialog closes. */
export function revokeButtonId(id: string): string {
  return `revoke-${id}`;
}

function StateCell({ token }: { token: ApiTokenView }) {
  return (
    <div className="flex flex-col items-start gap-1">
      <ApiTokenStateBadge state={token.state} />
      {token.revokedAt ? (
        <span className="text-xs text-muted">
          on <LocalTime iso={token.revokedAt} />
        </span>
      ) : null}
    </div>
  );
}

function Scopes({ scopes }: { scopes: ApiTokenView['scopes'] }) {
  return (
    <ul className="space-y-0.5">
      {scopes.map((scope) => (
        <li key={scope}>
          <code className="font-mono text-xs" title={API_TOKEN_SCOPES[scope]}>
            {scope}
          </code>
        </li>
      ))}
    </ul>
  );
}

/** Every token with what it may do and when it was used; active tokens can be revoked. */
export function ApiTokenTable({ items, emptyState, onRevoke }: { items: ApiTokenView[]; emptyState: ReactNode; onRevoke: (token: ApiTokenView) => void }) {
  const columns = useMemo<ColumnDef<ApiTokenView>[]>(
    () => [
      column.display({
        id: 'name',
        header: 'Name',
        cell: ({ row }) => (
          <span id={apiTokenNameId(row.original.id)} tabIndex={-1} className="font-medium">
            {row.original.name}
          </span>
        ),
      }),
      column.display({ id: 'token', header: 'Token', cell: ({ row }) => <code className="font-mono text-xs whitespace-nowrap">{tokenLabel(row.original.prefix)}</code> }),
      column.display({ id: 'scopes', header: 'Scopes', cell: ({ row }) => <Scopes scopes={row.original.scopes} /> }),
      column.display({
        id: 'created',
        header: 'Created',
        cell: ({ row }) => (
          <div>
            <LocalTime iso={row.original.createdAt} />
            <div className="text-xs text-muted">by {row.original.createdBy ?? 'an unknown user'}</div>
          </div>
        ),
      }),
      column.display({ id: 'lastUsed', header: 'Last used', cell: ({ row }) => (row.original.lastUsedAt ? <LocalTime iso={row.original.lastUsedAt} /> : 'Never') }),
      column.display({ id: 'expires', header: 'Expires', cell: ({ row }) => (row.original.expiresAt ? <LocalTime iso={row.original.expiresAt} /> : 'Never') }),
      column.display({ id: 'state', header: 'State', cell: ({ row }) => <StateCell token={row.original} /> }),
      column.display({
        id: 'actions',
        header: () => <span className="sr-only">Actions</span>,
        cell: ({ row }) =>
          row.original.state === 'active' ? (
            <Button id={revokeButtonId(row.original.id)} type="button" size="sm" variant="secondary" onClick={() => onRevoke(row.original)}>
              Revoke<span className="sr-only"> {row.original.name}</span>
            </Button>
          ) : null,
      }),
    ],
    [onRevoke],
  );

  // TanStack Table returns fresh functions each render by design; it is not memoised here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: items, columns, getRowId: (item) => item.id, getCoreRowModel: getCoreRowModel() });
  const rows = table.getRowModel().rows;

  return (
    <div className="relative overflow-x-auto rounded-md border border-border">
      <table className="w-full text-left text-sm" aria-describedby="api-token-list-description">
        <caption className="px-3 py-2 text-left text-sm font-semibold">API tokens</caption>
        <DataTableHead table={table} />
        <tbody>
          {rows.length === 0 ? <DataTableEmpty colSpan={columns.length}>{emptyState}</DataTableEmpty> : null}
          {rows.map((row) => (
            <tr key={row.id} data-api-token-id={row.original.id} className={cn('border-t border-border align-top', row.original.state !== 'active' && 'text-muted')}>
              <DataTableCells row={row} rowHeader="name" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
