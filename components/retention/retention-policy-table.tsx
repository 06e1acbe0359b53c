'use client';

import { createColumnHelper, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { formatCount } from '@/components/admin/admin-format';
import { LocalTime } from '@/components/ui/local-time';
import { Button } from '@/components/ui/button';
import { DataTableCells, DataTableHead } from '@/components/ui/data-table';
import type { RetentionPolicyField, RetentionPolicyView } from '@/lib/schemas/retention';
import { DATA_CLASS_LABELS } from './retention-labels';

const column = createColumnHelper<RetentionPolicyView>();

/** The id of a policy's Edit button, for returning focus after the dialog closes. */
export function editPolicyButtonId(dataClass: string): string {
  return `edit-retention-${dataClass}`;
}

/** The id of the paragraph saying why the access log's limit is fixed. */
export const ACCESS_EVENT_REASON_ID = 'retention-access-event-reason';

function Days({ value, note }: { value: number | null; note?: string }) {
  return (
    <div>
      <span className="tabular-nums">{value === null ? '—' : formatCount(value)}</span>
      {note ? <span className="block text-xs text-muted">{note}</span> : null}
    </div>
  );
}

/** One limit as the administrator set it, and what applies when that is not the same. */
function LimitCell({ policy, field }: { policy: RetentionPolicyView; field: RetentionPolicyField }) {
  const applied = policy.inForce[field];
  if (!policy.configured) return <Days value={applied} note={applied === null ? undefined : 'Not configured: the law’s maximum applies'} />;
  if (policy.editable.includes(field)) {
    const stored = policy[field];
    if (stored === null) return <Days value={applied} note="Blank: the general limit applies" />;
    return <Days value={stored} note={applied !== null && applied !== stored ? `${formatCount(applied)} in force: never longer than the general limit` : undefined} />;
  }
  if (policy.dataClass === 'TRAVELLER_IDENTIFYING') return <Days value={applied} note="With the traveller record" />;
  if (policy.dataClass === 'TRAVELLER_RECORD') return <Days value={null} note="Its identifying fields follow “Identifying data”" />;
  if (policy.dataClass === 'ACCESS_EVENT') return field === 'maskAfterDays' ? <Days value={null} note="Not masked" /> : <Days value={applied} note="Fixed by law" />;
  return <Days value={applied} />;
}

/** The four data classes with their limits, legal basis and last change; Edit where a limit can change. */
export function RetentionPolicyTable({ items, canManage, onEdit }: { items: RetentionPolicyView[]; canManage: boolean; onEdit: (policy: RetentionPolicyView) => void }) {
  const columns = useMemo<ColumnDef<RetentionPolicyView>[]>(
    () => [
      column.display({
        id: 'dataClass',
        header: 'Data class',
        cell: ({ row }) => (
          <div className="min-w-56 max-w-sm">
            <span className="font-medium">{DATA_CLASS_LABELS[row.original.dataClass].name}</span>
            <span className="block text-xs text-muted">{DATA_CLASS_LABELS[row.original.dataClass].covers}</span>
          </div>
        ),
      }),
      column.display({ id: 'mask', header: 'Mask after (days)', cell: ({ row }) => <LimitCell policy={row.original} field="maskAfterDays" /> }),
      column.display({ id: 'erase', header: 'Erase after (days)', cell: ({ row }) => <LimitCell policy={row.original} field="eraseAfterDays" /> }),
      column.display({
        id: 'legalBasis',
        header: 'Legal basis',
        cell: ({ row }) => <p className="min-w-64 max-w-md">{row.original.legalBasis ?? 'Not recorded: run the seed to write the policies with their legal bases.'}</p>,
      }),
      column.display({
        id: 'changed',
        header: 'Last changed',
        cell: ({ row }) =>
          row.original.updatedAt ? (
            <div>
              <LocalTime iso={row.original.updatedAt} />
              <div className="text-xs text-muted">{row.original.updatedBy ? `by ${row.original.updatedBy}` : 'by the seed'}</div>
            </div>
          ) : (
            'Never'
          ),
      }),
      column.display({
        id: 'actions',
        header: () => <span className="sr-only">Actions</span>,
        cell: ({ row }) => {
          const policy = row.original;
          const name = DATA_CLASS_LABELS[policy.dataClass].name;
          if (policy.dataClass === 'ACCESS_EVENT') {
            return (
              <span className="text-xs text-muted" aria-describedby={ACCESS_EVENT_REASON_ID}>
                Not editable
              </span>
            );
          }
          if (!canManage || policy.editable.length === 0) return null;
          return (
            <Button id={editPolicyButtonId(policy.dataClass)} type="button" size="sm" variant="secondary" onClick={() => onEdit(policy)}>
              Edit<span className="sr-only"> {name}</span>
            </Button>
          );
        },
      }),
    ],
    [canManage, onEdit],
  );

  // TanStack Table returns fresh functions each render by design; it is not memoised here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: items, columns, getRowId: (item) => item.dataClass, getCoreRowModel: getCoreRowModel() });

  return (
    <div className="relative overflow-x-auto rounded-md border border-border">
      <table className="w-full text-left text-sm" aria-describedby="retention-policies-description">
        <caption className="px-3 py-2 text-left text-sm font-semibold">Retention policies</caption>
        <DataTableHead table={table} />
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-data-class={row.original.dataClass} className="border-t border-border align-top">
              <DataTableCells row={row} rowHeader="dataClass" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
