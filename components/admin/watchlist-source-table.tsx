'use client';

import { createColumnHelper, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { LocalTime } from '@/components/ui/local-time';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { DataTableCells, DataTableEmpty, DataTableHead } from '@/components/ui/data-table';
import { formatScore } from '@/lib/format';
import type { WatchlistSourceView } from '@/lib/schemas/watchlist-source';
import { formatCount } from './admin-format';
import { MatchThresholdDialog } from './match-threshold-dialog';
import { SdnImportDialog } from './sdn-import-dialog';

const column = createColumnHelper<WatchlistSourceView>();

function ActiveBadge({ active }: { active: boolean }) {
  return (
    <Badge className={cn('gap-1 whitespace-nowrap', active ? 'border-ok text-ok' : 'text-muted')}>
      <span aria-hidden="true">{active ? '✓' : '–'}</span>
      {active ? 'Active' : 'Inactive'}
    </Badge>
  );
}

// Defined once: no column depends on anything but the row.
const COLUMNS: ColumnDef<WatchlistSourceView>[] = [
  column.display({ id: 'code', header: 'Code', cell: ({ row }) => <code className="font-mono font-medium">{row.original.code}</code> }),
  column.display({
    id: 'name',
    header: 'Name',
    cell: ({ row }) => (
      <div className="max-w-md">
        <div>{row.original.name}</div>
        {row.original.description ? <div className="text-xs text-muted">{row.original.description}</div> : null}
      </div>
    ),
  }),
  column.display({ id: 'listed', header: 'Entries listed', cell: ({ row }) => <span className="tabular-nums">{formatCount(row.original.listed)}</span> }),
  column.display({ id: 'delisted', header: 'Delisted', cell: ({ row }) => <span className="tabular-nums">{formatCount(row.original.delisted)}</span> }),
  column.display({ id: 'lastImport', header: 'Last import', cell: ({ row }) => (row.original.lastImportedAt ? <LocalTime iso={row.original.lastImportedAt} /> : 'Never') }),
  column.display({
    id: 'threshold',
    header: 'Match threshold',
    cell: ({ row }) => (row.original.matchThreshold === null ? <span className="text-muted">engine default</span> : <span className="tabular-nums">{formatScore(row.original.matchThreshold)}</span>),
  }),
  column.display({ id: 'active', header: 'Active', cell: ({ row }) => <ActiveBadge active={row.original.active} /> }),
  column.display({
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) => (
      <div className="flex flex-wrap items-center gap-2">
        {row.original.active ? <SdnImportDialog source={row.original} /> : <span className="text-xs text-muted">Inactive lists take no imports.</span>}
        <MatchThresholdDialog source={row.original} />
      </div>
    ),
  }),
];

/** The watchlists with their size and freshness; each active one takes an OFAC sdn.csv import, each a match threshold. */
export function WatchlistSourceTable({ items }: { items: WatchlistSourceView[] }) {
  // TanStack Table returns fresh functions each render by design; it is not memoised here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: items, columns: COLUMNS, getRowId: (item) => item.code, getCoreRowModel: getCoreRowModel() });
  const rows = table.getRowModel().rows;
  return (
    <div className="relative overflow-x-auto rounded-md border border-border">
      <table className="w-full text-left text-sm" aria-describedby="watchlist-list-description">
        <caption className="px-3 py-2 text-left text-sm font-semibold">Watchlists</caption>
        <DataTableHead table={table} />
        <tbody>
          {rows.length === 0 ? (
            <DataTableEmpty colSpan={COLUMNS.length}>No watchlist sources exist yet. Sources are set up when Proportio is installed (the seed creates them).</DataTableEmpty>
          ) : null}
          {rows.map((row) => (
            <tr key={row.id} data-watchlist-source={row.original.code} className="border-t border-border align-top">
              <DataTableCells row={row} rowHeader="code" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
