import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

export interface MetricsColumn<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Numbers align right so their digits line up. */
  numeric?: boolean;
}

/**
 * A chart's numbers as a table — its text alternative. The first column heads each row
 * (`th scope="row"`), so a screen reader names the row with every cell it reads.
 */
export function MetricsTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  footer,
  empty = 'Nothing in this period.',
}: {
  caption: ReactNode;
  columns: readonly MetricsColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  footer?: T;
  empty?: ReactNode;
}) {
  const cells = (row: T, emphasis = false) =>
    columns.map((column, i) => {
      const Cell = i === 0 ? 'th' : 'td';
      return (
        <Cell key={i} scope={i === 0 ? 'row' : undefined} className={cn('px-3 py-2 text-left', column.numeric && 'text-right tabular-nums', i === 0 && !emphasis && 'font-normal')}>
          {column.cell(row)}
        </Cell>
      );
    });
  return (
    <div className="relative overflow-x-auto rounded-md border border-border">
      <table className="w-full text-left text-sm">
        <caption className="px-3 py-2 text-left text-sm font-semibold">{caption}</caption>
        <thead className="bg-surface text-xs uppercase tracking-wide text-muted">
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col" className={cn('px-3 py-2 font-semibold', column.numeric && 'text-right')}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-3 py-4 text-center text-muted">
                {empty}
              </td>
            </tr>
          ) : null}
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-t border-border">
              {cells(row)}
            </tr>
          ))}
        </tbody>
        {footer && rows.length > 0 ? (
          <tfoot>
            <tr className="border-t border-border font-semibold">{cells(footer, true)}</tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
