import type { ReactNode } from 'react';
import { Link } from '@/components/ui/app-link';

const LINK_CLASS = 'inline-flex h-8 items-center rounded-md border border-border bg-surface px-3 text-sm font-medium text-fg hover:bg-border/40 print:hidden';

/**
 * One chart with its caption, its CSV and the same numbers as a table beneath. The chart
 * (lazy-charts.tsx) loads after the page is shown, into the box kept for it here, and is then
 * one image to assistive technology (role="img", named by its `label`); the table is what a
 * screen reader reads instead, server-rendered and there from the start, and what the CSV holds.
 */
export function ChartFigure({
  id,
  title,
  description,
  csvHref,
  chart,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  csvHref: string;
  chart: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure aria-labelledby={`${id}-caption`} className="min-w-0 space-y-3 rounded-md border border-border p-4 break-inside-avoid">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <figcaption id={`${id}-caption`} className="text-base font-semibold">
            {title}
          </figcaption>
          {description ? <p className="mt-1 max-w-3xl text-sm text-muted">{description}</p> : null}
        </div>
        <Link href={csvHref} download className={LINK_CLASS} aria-label={`Download CSV: ${title}`}>
          Download CSV
        </Link>
      </div>
      <div className="h-72 w-full">
        {chart}
      </div>
      {children}
    </figure>
  );
}
