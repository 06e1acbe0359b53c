'use client';

import type { ReactNode } from 'react';
import { DataTableEmpty, PlainTableCells, type PlainColumn } from '@/components/ui/data-table';
import { LocalTime } from '@/components/ui/local-time';
import type { AccessEventView } from '@/lib/schemas/access-log';
import { ActorCell, OutcomeCell, PersonCell, ResourceCell, TextCell } from './access-event-cells';
import { operationLabel } from './access-log-labels';

// Display columns only: the order is the server's (newest first), never re-sorted, selected or
// paged here — so a plain table rather than TanStack Table, whose row and cell models cost the
// person report about 2 ms of server rendering for its 100 rows (issue 11).
const COLUMNS: readonly PlainColumn<AccessEventView>[] = [
  { id: 'time', header: 'Time', cell: (event) => <LocalTime iso={event.at} /> },
  { id: 'user', header: 'User', cell: (event) => <ActorCell event={event} /> },
  { id: 'operation', header: 'Operation', cell: (event) => operationLabel(event.operation) },
  { id: 'outcome', header: 'Outcome', cell: (event) => <OutcomeCell outcome={event.outcome} /> },
  { id: 'what', header: 'What', cell: (event) => <ResourceCell event={event} /> },
  { id: 'person', header: 'Person', cell: (event) => <PersonCell travellerId={event.travellerId} /> },
  { id: 'purpose', header: 'Purpose', cell: (event) => <TextCell value={event.purpose} /> },
  { id: 'recipient', header: 'Recipient', cell: (event) => <TextCell value={event.recipient} /> },
  { id: 'ip', header: 'IP', cell: (event) => <TextCell value={event.ip} mono /> },
];
const WITHOUT_PERSON = COLUMNS.filter((column) => column.id !== 'person');

/** Access events as a table, one row per event (`data-seq`), in the order given; the time is each row's header. */
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
  const columns = personColumn ? COLUMNS : WITHOUT_PERSON;
  return (
    <div className="relative overflow-x-auto rounded-md border border-border print:overflow-visible print:border-0">
      <table className="w-full text-left text-sm" aria-busy={busy || undefined} aria-describedby={describedBy}>
        <caption className="px-3 py-2 text-left text-sm font-semibold">{caption}</caption>
        <thead className="bg-surface text-xs uppercase tracking-wide text-muted print:bg-transparent print:text-black">
          <tr>
            {columns.map((column) => (
              <th key={column.id} scope="col" className="px-3 py-2 font-semibold">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {events.length === 0 ? <DataTableEmpty colSpan={columns.length}>{emptyState}</DataTableEmpty> : null}
          {events.map((event) => (
            <tr key={event.seq} data-seq={event.seq} className="border-t border-border align-top break-inside-avoid">
              <PlainTableCells columns={columns} row={event} rowHeader="time" headerClass="whitespace-nowrap" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
