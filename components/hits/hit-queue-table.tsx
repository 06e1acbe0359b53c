'use client';

import { DataTableEmpty, PlainTableCells, type PlainColumn } from '@/components/ui/data-table';
import type { KeyboardEvent, ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { formatScore } from '@/lib/format';
import type { HitListItem, HitSort } from '@/lib/schemas/hit';
import { DECIDABLE_HIT_STATUSES } from '@/lib/schemas/hit-values';
import { AssigneeCell, DeadlineCell, RowCheckbox, SelectAllCheckbox, StatusCell, TravellerCell } from './hit-queue-cells';

/** The rows a supervisor has ticked, by hit id. */
export type HitSelection = Readonly<Record<string, boolean>>;

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
  rowSelection: HitSelection;
  onRowSelectionChange: (selection: HitSelection) => void;
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

/**
 * The queue's page as a table. A plain one: 50 rows rendered on the server for every load of
 * /hits, and TanStack Table's row and cell models cost more there than the rows themselves
 * (issue 11); the selection is a map of ids, the order the server's.
 */
export function HitQueueTable(props: HitQueueTableProps) {
  const { items, sort, now, currentUserId, canAssign, pendingIds, onClaim, onRelease, rowSelection, onRowSelectionChange } = props;
  // Only undecided hits can be (re)assigned; the server refuses the whole batch otherwise.
  const selectable = (hit: HitListItem) => canAssign && DECIDABLE_HIT_STATUSES.includes(hit.status);
  const selectableIds = items.filter(selectable).map((hit) => hit.id);
  const selectedCount = selectableIds.filter((id) => rowSelection[id]).length;
  const allSelected = selectableIds.length > 0 && selectedCount === selectableIds.length;

  const toggleAll = () => onRowSelectionChange(allSelected ? {} : Object.fromEntries(selectableIds.map((id) => [id, true])));
  const toggle = (id: string) => {
    const { [id]: wasSelected, ...rest } = rowSelection;
    onRowSelectionChange(wasSelected ? rest : { ...rest, [id]: true });
  };

  const columns: PlainColumn<HitListItem>[] = [
    ...(canAssign
      ? [
          {
            id: 'select',
            header: <SelectAllCheckbox checked={allSelected} indeterminate={selectedCount > 0 && !allSelected} disabled={selectableIds.length === 0} onToggle={toggleAll} />,
            cell: (hit: HitListItem) => <RowCheckbox hit={hit} checked={Boolean(rowSelection[hit.id])} disabled={!selectable(hit)} onToggle={() => toggle(hit.id)} />,
          },
        ]
      : []),
    { id: 'priority', header: 'Priority', cell: (hit) => <span className="tabular-nums">{hit.priority}</span> },
    { id: 'score', header: 'Score', cell: (hit) => <span className="font-medium tabular-nums">{formatScore(hit.score)}</span> },
    {
      id: 'watchlist',
      header: 'Watchlist and offence',
      cell: (hit) => (
        <div>
          <div>{hit.sourceName}</div>
          <div className="text-xs text-muted">{hit.offenceCategory}</div>
        </div>
      ),
    },
    { id: 'traveller', header: 'Traveller', cell: (hit) => <TravellerCell hit={hit} /> },
    {
      id: 'flight',
      header: 'Flight',
      cell: (hit) => (
        <div className="whitespace-nowrap">
          <div className="font-mono">{hit.flightNumber}</div>
          <div className="text-xs text-muted">{hit.flightDate}</div>
        </div>
      ),
    },
    { id: 'deadline', header: 'Review deadline', cell: (hit) => <DeadlineCell hit={hit} now={now} /> },
    { id: 'status', header: 'Status', cell: (hit) => <StatusCell hit={hit} /> },
    {
      id: 'assignee',
      header: 'Assignee',
      cell: (hit) => <AssigneeCell hit={hit} currentUserId={currentUserId} pending={pendingIds.has(hit.id)} onClaim={onClaim} onRelease={onRelease} />,
    },
  ];
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
        <thead className="bg-surface text-xs uppercase tracking-wide text-muted">
          <tr>
            {columns.map((column) => (
              <th
                key={column.id}
                scope="col"
                className={cn('px-3 py-2 font-semibold', column.id === 'select' && 'w-10')}
                aria-sort={sorted && sorted.id === column.id ? sorted.direction : undefined}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? <DataTableEmpty colSpan={columns.length}>{props.emptyState}</DataTableEmpty> : null}
          {items.map((hit, index) => {
            const id = hit.id;
            const active = props.activeId === id;
            return (
              <tr
                key={id}
                data-hit-id={id}
                data-active={active || undefined}
                aria-current={active ? 'true' : undefined}
                tabIndex={active || (props.activeId === null && index === 0) ? 0 : -1}
                onFocus={() => props.onActiveChange(id)}
                onKeyDown={(event) => onRowKeyDown(event, id)}
                className={cn(
                  'border-t border-border align-top',
                  rowSelection[id] && 'bg-primary/5',
                  'data-[active]:bg-primary/10 data-[active]:outline-2 data-[active]:-outline-offset-2 data-[active]:outline-primary',
                )}
              >
                {/* The traveller is the row's header for screen readers. */}
                <PlainTableCells columns={columns} row={hit} rowHeader="traveller" />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
