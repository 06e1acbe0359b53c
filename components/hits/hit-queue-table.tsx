'use client';

import {
  createColumnHelper,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type OnChangeFn,
  type RowSelectionState,
} from '@tanstack/react-table';
import { DataTableCells, DataTableEmpty, DataTableHead } from '@/components/ui/data-table';
import { useMemo, type KeyboardEvent, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { formatScore } from '@/lib/format';
import type { HitListItem, HitSort } from '@/lib/schemas/hit';
import { DECIDABLE_HIT_STATUSES } from '@/lib/schemas/hit-values';
import { AssigneeCell, DeadlineCell, RowCheckbox, SelectAllCheckbox, StatusCell, TravellerCell } from './hit-queue-cells';

const column = createColumnHelper<HitListItem>();

// The column each sort order follows, for aria-sort on its header.
const SORTED_COLUMN: Partial<Record<HitSort, { id: string; direction: 'ascending' | 'descending' }>> = {
  deadline: { id: 'deadline', direction: 'ascending' },
  score: { id: 'score', direction: 'descending' },
};

export interface HitQueueTableProps {
  items: HitListItem[];
  sort: HitSort;
  now: number;
  currentUserId: string;
  canAssign: boolean;
  busy: boolean;
  rowSelection: RowSelectionState;
  onRowSelectionChange: OnChangeFn<RowSelectionState>;
  activeId: string | null;
  onActiveChange: (id: string) => void;
  onMove: (delta: 1 | -1) => void;
  onOpen: (id: string) => void;
  pendingIds: ReadonlySet<string>;
  onClaim: (hit: HitListItem) => void;
  onRelease: (hit: HitListItem) => void;
  /** What to say, and what to do, when the page has no rows. */
  emptyState: ReactNode;
}

export function HitQueueTable(props: HitQueueTableProps) {
  const { items, sort, now, currentUserId, canAssign, pendingIds, onClaim, onRelease } = props;
  const columns = useMemo(() => {
    const all: ColumnDef<HitListItem>[] = [
      column.display({
        id: 'select',
        header: ({ table }) => <SelectAllCheckbox table={table} />,
        cell: ({ row }) => <RowCheckbox row={row} />,
      }),
      column.display({ id: 'priority', header: 'Priority', cell: ({ row }) => <span className="tabular-nums">{row.original.priority}</span> }),
      column.display({
        id: 'score',
        header: 'Score',
        cell: ({ row }) => <span className="font-medium tabular-nums">{formatScore(row.original.score)}</span>,
      }),
      column.display({
        id: 'watchlist',
        header: 'Watchlist and offence',
        cell: ({ row }) => (
          <div>
            <div>{row.original.sourceName}</div>
            <div className="text-xs text-muted">{row.original.offenceCategory}</div>
          </div>
        ),
      }),
      column.display({ id: 'traveller', header: 'Traveller', cell: ({ row }) => <TravellerCell hit={row.original} /> }),
      column.display({
        id: 'flight',
        header: 'Flight',
        cell: ({ row }) => (
          <div className="whitespace-nowrap">
            <div className="font-mono">{row.original.flightNumber}</div>
            <div className="text-xs text-muted">{row.original.flightDate}</div>
          </div>
        ),
      }),
      column.display({ id: 'deadline', header: 'Review deadline', cell: ({ row }) => <DeadlineCell hit={row.original} now={now} /> }),
      column.display({ id: 'status', header: 'Status', cell: ({ row }) => <StatusCell hit={row.original} /> }),
      column.display({
        id: 'assignee',
        header: 'Assignee',
        cell: ({ row }) => (
          <AssigneeCell
            hit={row.original}
            currentUserId={currentUserId}
            pending={pendingIds.has(row.original.id)}
            onClaim={onClaim}
            onRelease={onRelease}
          />
        ),
      }),
    ];
    return canAssign ? all : all.filter((definition) => definition.id !== 'select');
  }, [canAssign, now, currentUserId, pendingIds, onClaim, onRelease]);

  // TanStack Table returns fresh functions each render by design; it is not memoised here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: items,
    columns,
    getRowId: (hit) => hit.id,
    getCoreRowModel: getCoreRowModel(),
    // Only undecided hits can be (re)assigned; the server refuses the whole batch otherwise.
    enableRowSelection: (row) => canAssign && DECIDABLE_HIT_STATUSES.includes(row.original.status),
    state: { rowSelection: props.rowSelection },
    onRowSelectionChange: props.onRowSelectionChange,
  });
  const rows = table.getRowModel().rows;
  const sorted = SORTED_COLUMN[sort];

  function onRowKeyDown(event: KeyboardEvent<HTMLTableRowElement>, id: string) {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') props.onOpen(id);
    else if (event.key === 'ArrowDown') props.onMove(1);
    else if (event.key === 'ArrowUp') props.onMove(-1);
    else return;
    event.preventDefault();
  }

  return (
    <div className="relative overflow-x-auto rounded-md border border-border">
      <table className="w-full text-left text-sm" aria-describedby="hit-queue-description" aria-busy={props.busy || undefined}>
        <caption className="px-3 py-2 text-left text-sm font-semibold">Hit queue</caption>
        <DataTableHead
          table={table}
          headerClass={(id) => id === 'select' && 'w-10'}
          ariaSort={(id) => (sorted && sorted.id === id ? sorted.direction : undefined)}
        />
        <tbody>
          {rows.length === 0 ? <DataTableEmpty colSpan={columns.length}>{props.emptyState}</DataTableEmpty> : null}
          {rows.map((row, index) => {
            const id = row.original.id;
            const active = props.activeId === id;
            return (
              <tr
                key={row.id}
                data-hit-id={id}
                data-active={active || undefined}
                aria-current={active ? 'true' : undefined}
                tabIndex={active || (props.activeId === null && index === 0) ? 0 : -1}
                onFocus={() => props.onActiveChange(id)}
                onKeyDown={(event) => onRowKeyDown(event, id)}
                className={cn(
                  'border-t border-border align-top',
                  row.getIsSelected() && 'bg-primary/5',
                  'data-[active]:bg-primary/10 data-[active]:outline-2 data-[active]:-outline-offset-2 data-[active]:outline-primary',
                )}
              >
                <DataTableCells row={row} rowHeader="traveller" />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
