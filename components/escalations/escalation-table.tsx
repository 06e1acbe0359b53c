'use client';

import { createColumnHelper, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { DataTableCells, DataTableEmpty, DataTableHead } from '@/components/ui/data-table';
import { useMemo, type ReactNode } from 'react';
import { Link } from '@/components/ui/app-link';
import { cn } from '@/components/ui/cn';
import { formatUtc } from '@/components/ui/local-time';
import { formatAge } from '@/lib/format';
import type { EscalationSummary } from '@/lib/schemas/escalation';
import { EscalationStatusBadge, legalBasisLabel, legalBasisShort, OverdueBadge, UrgencyBadge } from './escalation-labels';

const column = createColumnHelper<EscalationSummary>();

function AgeCell({ item, now }: { item: EscalationSummary; now: number }) {
  return (
    <div className="flex flex-col items-start gap-1">
      <time dateTime={item.createdAt} title={`Requested ${formatUtc(new Date(item.createdAt))}`} className="whitespace-nowrap tabular-nums">
        {formatAge(new Date(item.createdAt), new Date(now))}
      </time>
      {item.overdue ? <OverdueBadge /> : null}
    </div>
  );
}

function TravellerCell({ item }: { item: EscalationSummary }) {
  return (
    <div>
      <Link href={`/escalations/${encodeURIComponent(item.id)}`} className="font-mono font-medium text-primary underline-offset-4 hover:underline">
        <span className="sr-only">Open escalation request for </span>
        {item.travellerName}
      </Link>
      {item.repersonalisation ? <div className="text-xs text-warn">Re-personalisation</div> : null}
    </div>
  );
}

/** The escalation requests of one status view; each row links to its request. */
export function EscalationTable({ items, now, emptyState }: { items: EscalationSummary[]; now: number; emptyState: ReactNode }) {
  const columns = useMemo<ColumnDef<EscalationSummary>[]>(
    () => [
      column.display({ id: 'age', header: 'Age', cell: ({ row }) => <AgeCell item={row.original} now={now} /> }),
      column.display({ id: 'urgency', header: 'Urgency', cell: ({ row }) => <UrgencyBadge urgency={row.original.urgency} /> }),
      column.display({ id: 'traveller', header: 'Traveller', cell: ({ row }) => <TravellerCell item={row.original} /> }),
      column.display({ id: 'offence', header: 'Offence category', cell: ({ row }) => row.original.offenceCategory }),
      column.display({
        id: 'legalBasis',
        header: 'Legal basis',
        cell: ({ row }) => <span title={legalBasisLabel(row.original.legalBasis)}>{legalBasisShort(row.original.legalBasis)}</span>,
      }),
      column.display({ id: 'requester', header: 'Requested by', cell: ({ row }) => row.original.requesterName }),
      column.display({ id: 'recipient', header: 'Recipient', cell: ({ row }) => row.original.recipientName }),
      column.display({
        id: 'status',
        header: 'Status',
        cell: ({ row }) => (
          <div className="space-y-1">
            <EscalationStatusBadge status={row.original.status} />
            {row.original.deciderName ? <div className="text-xs text-muted">by {row.original.deciderName}</div> : null}
          </div>
        ),
      }),
    ],
    [now],
  );

  // TanStack Table returns fresh functions each render by design; it is not memoised here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: items, columns, getRowId: (item) => item.id, getCoreRowModel: getCoreRowModel() });
  const rows = table.getRowModel().rows;

  return (
    <div className="relative overflow-x-auto rounded-md border border-border">
      <table className="w-full text-left text-sm" aria-describedby="escalation-list-description">
        <caption className="px-3 py-2 text-left text-sm font-semibold">Escalation requests</caption>
        <DataTableHead table={table} />
        <tbody>
          {rows.length === 0 ? <DataTableEmpty colSpan={columns.length}>{emptyState}</DataTableEmpty> : null}
          {rows.map((row) => (
            <tr
              key={row.id}
              data-escalation-id={row.original.id}
              data-overdue={row.original.overdue || undefined}
              className={cn('border-t border-border align-top', row.original.overdue && 'bg-danger-bg/40')}
            >
              <DataTableCells row={row} rowHeader="traveller" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
