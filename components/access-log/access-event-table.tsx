'use client';

import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { DataTableCells, DataTableEmpty, DataTableHead } from '@/components/ui/data-table';
import type { ReactNode } from 'react';
import { LocalTime } from '@/components/ui/local-time';
import type { AccessEventView } from '@/lib/schemas/access-log';
import { ActorCell, OutcomeCell, PersonCell, ResourceCell, TextCell } from './access-event-cells';
import { operationLabel } from './access-log-labels';

const column = createColumnHelper<AccessEventView>();

// Display columns only: the order is the server's (newest first), never re-sorted here.
const COLUMNS = [
  column.display({ id: 'time', header: 'Time', cell: ({ row }) => <LocalTime iso={row.original.at} /> }),
  column.display({ id: 'user', header: 'User', cell: ({ row }) => <ActorCell event={row.original} /> }),
  column.display({ id: 'operation', header: 'Operation', cell: ({ row }) => operationLabel(row.original.operation) }),
  column.display({ id: 'outcome', header: 'Outcome', cell: ({ row }) => <OutcomeCell outcome={row.original.outcome} /> }),
  column.display({ id: 'what', header: 'What', cell: ({ row }) => <ResourceCell event={row.original} /> }),
  column.display({ id: 'person', header: 'Person', cell: ({ row }) => <PersonCell travellerId={row.original.travellerId} /> }),
  column.display({ id: 'purpose', header: 'Purpose', cell: ({ row }) => <TextCell value={row.original.purpose} /> }),
  column.display({ id: 'recipient', header: 'Recipient', cell: ({ row }) => <TextCell value={row.original.recipient} /> }),
  column.display({ id: 'ip', header: 'IP', cell: ({ row }) => <TextCell value={row.original.ip} mono /> }),
];

/** Access events as a table, one row per event (`data-seq`), in the order given. */
export function AccessEventTable({
  events,
  caption,
  emptyState,
  busy = false,
  describedBy,
  personColumn = true,
}: {
  events: AccessEventView[];
  caption: string;
  emptyState: ReactNode;
  busy?: boolean;
  describedBy?: string;
  /** False where every event is about one person (the person report): a column repeating them would be noise. */
  personColumn?: boolean;
}) {
  // TanStack Table returns fresh functions each render by design; it is not memoised here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: events,
    columns: COLUMNS,
    state: { columnVisibility: { person: personColumn } },
    getRowId: (event) => event.seq,
    getCoreRowModel: getCoreRowModel(),
  });
  const rows = table.getRowModel().rows;
  return (
    <div className="relative overflow-x-auto rounded-md border border-border print:overflow-visible print:border-0">
      <table className="w-full text-left text-sm" aria-busy={busy || undefined} aria-describedby={describedBy}>
        <caption className="px-3 py-2 text-left text-sm font-semibold">{caption}</caption>
        <DataTableHead table={table} className="print:bg-transparent print:text-black" />
        <tbody>
          {rows.length === 0 ? <DataTableEmpty colSpan={table.getVisibleLeafColumns().length}>{emptyState}</DataTableEmpty> : null}
          {rows.map((row) => (
            <tr key={row.id} data-seq={row.original.seq} className="border-t border-border align-top break-inside-avoid">
              <DataTableCells row={row} rowHeader="time" headerClass="whitespace-nowrap" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
