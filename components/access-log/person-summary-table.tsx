import type { PersonReport } from '@/lib/schemas/access-log';
import { formatCount } from '@/components/admin/admin-format';
import { operationLabel } from './access-log-labels';

/** How many times each operation touched the person's data. */
export function PersonSummaryTable({ summary }: { summary: PersonReport['summary'] }) {
  const total = summary.reduce((sum, row) => sum + row.count, 0);
  return (
    <div className="relative overflow-x-auto rounded-md border border-border break-inside-avoid print:overflow-visible print:border-0">
      <table className="w-full max-w-xl text-left text-sm">
        <caption className="px-3 py-2 text-left text-sm font-semibold">Summary by operation</caption>
        <thead className="bg-surface text-xs uppercase tracking-wide text-muted print:bg-transparent print:text-black">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              Operation
            </th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              Events
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.length === 0 ? (
            <tr>
              <td colSpan={2} className="px-3 py-4 text-center text-muted">
                No events recorded.
              </td>
            </tr>
          ) : null}
          {summary.map((row) => (
            <tr key={row.operation} className="border-t border-border">
              <th scope="row" className="px-3 py-2 font-normal">
                {operationLabel(row.operation)}
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{formatCount(row.count)}</td>
            </tr>
          ))}
        </tbody>
        {summary.length > 0 ? (
          <tfoot>
            <tr className="border-t border-border font-semibold">
              <th scope="row" className="px-3 py-2">
                Total
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{formatCount(total)}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
