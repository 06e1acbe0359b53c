'use client';

import { useQuery } from '@tanstack/react-query';
import { plural } from '@/components/admin/admin-format';
import { LocalTime } from '@/components/ui/local-time';
import { Badge } from '@/components/ui/badge';
import { DataTableEmpty } from '@/components/ui/data-table';
import { ApiError } from '@/lib/api-client';
import { retentionHoldsOptions } from '@/lib/queries/retention';
import type { RetentionHolds } from '@/lib/schemas/retention';

const HEADERS = ['Escalation', 'Hit', 'Status', 'Reason', 'Since', 'Until', 'Erasure was due'] as const;

/** Records kept past their erasure date because an escalation is open: ids and dates, never a traveller's data. */
export function RetentionHoldList({ initialData, renderedAt }: { initialData: RetentionHolds; renderedAt: number }) {
  const { data, isError, error } = useQuery({ ...retentionHoldsOptions(), initialData, initialDataUpdatedAt: renderedAt });
  const unlisted = data.escalations - data.items.length;
  return (
    <div className="space-y-4">
      <p id="retention-holds-description" className="max-w-4xl text-sm text-muted">
        {data.heldRecords === 0
          ? 'No record is kept past its erasure date.'
          : `${plural(data.heldRecords, 'record is', 'records are')} kept past their erasure date, held by ${plural(data.escalations, 'open escalation', 'open escalations')}.`}{' '}
        A record linked to a pending escalation, or to an approved one whose disclosure package can still be opened, is masked on time but erased only when the
        escalation closes. Only ids are shown here, never the traveller’s data.
      </p>
      {isError ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-bg p-3 text-sm text-danger">
          Could not refresh the holds: {error instanceof ApiError ? error.message : 'the server did not answer.'} The table below is the last one loaded.
        </p>
      ) : null}
      <div className="relative overflow-x-auto rounded-md border border-border">
        <table className="w-full text-left text-sm" aria-describedby="retention-holds-description">
          <caption className="px-3 py-2 text-left text-sm font-semibold">Records held past their erasure date</caption>
          <thead className="bg-surface text-xs uppercase tracking-wide text-muted">
            <tr>
              {HEADERS.map((header) => (
                <th key={header} scope="col" className="px-3 py-2 font-semibold">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.items.length === 0 ? <DataTableEmpty colSpan={HEADERS.length}>No open escalation holds a record past its erasure date.</DataTableEmpty> : null}
            {data.items.map((hold) => (
              <tr key={hold.escalationId} className="border-t border-border align-top">
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <code className="font-mono text-xs">{hold.escalationId}</code>
                </th>
                <td className="px-3 py-2">
                  <code className="font-mono text-xs">{hold.hitId}</code>
                </td>
                <td className="px-3 py-2">
                  <Badge className="whitespace-nowrap">{hold.status === 'PENDING' ? 'Pending' : 'Approved'}</Badge>
                </td>
                <td className="px-3 py-2">{hold.reason}</td>
                <td className="px-3 py-2">
                  <LocalTime iso={hold.since} />
                </td>
                <td className="px-3 py-2">{hold.until ? <LocalTime iso={hold.until} /> : hold.status === 'PENDING' ? 'Until decided' : 'No package yet'}</td>
                <td className="px-3 py-2">
                  <LocalTime iso={hold.erasureDueAt} dateOnly />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {unlisted > 0 ? <p className="border-t border-border px-3 py-2 text-sm text-muted">And {plural(unlisted, 'more escalation', 'more escalations')} not listed here.</p> : null}
      </div>
    </div>
  );
}
