import { flexRender, type Row, type Table } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { cn } from './cn';

// The parts every TanStack table of the app shares; each table keeps its own rows' behaviour.
// A table sits in a `relative overflow-x-auto` box, so at 320 px it scrolls inside it (WCAG
// 1.4.10); `relative` keeps the sr-only texts in its cells (absolutely positioned) inside the
// box too, where they would otherwise widen the whole page.

/** Column headers, `scope="col"`; `headerClass` and `ariaSort` adjust single columns. */
export function DataTableHead<T>({
  table,
  className,
  headerClass,
  ariaSort,
}: {
  table: Table<T>;
  className?: string;
  headerClass?: (columnId: string) => string | false | undefined;
  ariaSort?: (columnId: string) => 'ascending' | 'descending' | undefined;
}) {
  return (
    <thead className={cn('bg-surface text-xs uppercase tracking-wide text-muted', className)}>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => (
            <th key={header.id} scope="col" className={cn('px-3 py-2 font-semibold', headerClass?.(header.id))} aria-sort={ariaSort?.(header.id)}>
              {flexRender(header.column.columnDef.header, header.getContext())}
            </th>
          ))}
        </tr>
      ))}
    </thead>
  );
}

/** A row's cells; the column named `rowHeader` is the row's header (`th scope="row"`) for screen readers. */
export function DataTableCells<T>({ row, rowHeader, headerClass }: { row: Row<T>; rowHeader: string; headerClass?: string }) {
  return row.getVisibleCells().map((cell) => {
    const Cell = cell.column.id === rowHeader ? 'th' : 'td';
    return (
      <Cell key={cell.id} scope={Cell === 'th' ? 'row' : undefined} className={cn('px-3 py-2 text-left font-normal', Cell === 'th' && headerClass)}>
        {flexRender(cell.column.columnDef.cell, cell.getContext())}
      </Cell>
    );
  });
}

/** A column of a plain table (no TanStack): its header and how a row's cell shows. */
export interface PlainColumn<T> {
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
}

/**
 * A row's cells in a plain table, as DataTableCells lays them out: the column named `rowHeader`
 * is the row's header (`th scope="row"`). For long display tables rendered on the server, where
 * TanStack's row and cell models cost more than the rows (issue 11).
 */
export function PlainTableCells<T>({ columns, row, rowHeader, headerClass }: { columns: readonly PlainColumn<T>[]; row: T; rowHeader: string; headerClass?: string }) {
  // Class strings joined here rather than merged by cn() for every cell: nothing in them conflicts.
  const cellClass = 'px-3 py-2 text-left font-normal';
  const headerCellClass = headerClass ? `${cellClass} ${headerClass}` : cellClass;
  return columns.map((column) =>
    column.id === rowHeader ? (
      <th key={column.id} scope="row" className={headerCellClass}>
        {column.cell(row)}
      </th>
    ) : (
      <td key={column.id} className={cellClass}>
        {column.cell(row)}
      </td>
    ),
  );
}

/** The one row a table shows when it has none: what to do next. */
export function DataTableEmpty({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-3 py-8 text-center text-muted">
        {children}
      </td>
    </tr>
  );
}
