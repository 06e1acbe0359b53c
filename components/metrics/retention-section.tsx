'use client';

import { Link } from '@/components/ui/app-link';
import { cn } from '@/components/ui/cn';
import { metricsChartExportHref } from '@/lib/queries/metrics';
import type { MetricsQuery, MetricsReport } from '@/lib/schemas/metrics';
import { ChartFigure } from './chart-figure';
import { RetentionAgeChart } from './lazy-charts';
import { LocalTime } from '@/components/ui/local-time';
import { formatCount, formatDay } from './metrics-format';
import { MetricsTable } from './metrics-table';

const LINK_CLASS = 'inline-flex h-8 items-center rounded-md border border-border bg-surface px-3 text-sm font-medium text-fg hover:bg-border/40 print:hidden';

/** An overdue count: the goal is always 0, so anything else is said in words and a symbol, not colour alone. */
function Overdue({ label, count, limit }: { label: string; count: number; limit: string }) {
  const ok = count === 0;
  return (
    <div className={cn('rounded-md border-2 p-4', ok ? 'border-ok' : 'border-danger bg-danger-bg')}>
      <dt className="text-sm font-medium">{label}</dt>
      <dd className={cn('text-3xl font-bold tabular-nums', ok ? 'text-ok' : 'text-danger')}>
        <span aria-hidden="true">{ok ? '✓ ' : '⚠ '}</span>
        {formatCount(count)}
      </dd>
      <dd className="text-sm">{ok ? 'On target (goal: 0).' : `Overdue — the goal is 0.`}</dd>
      <dd className="text-xs text-muted">{limit}</dd>
    </div>
  );
}

/** Where retention stands now: overdue items first, then ages, holds and the job's runs. */
export function RetentionSection({ query, retention }: { query: MetricsQuery; retention: MetricsReport['retention'] }) {
  const identifiable = retention.ageBands.reduce((sum, row) => sum + row.identifiable, 0);
  const masked = retention.ageBands.reduce((sum, row) => sum + row.masked, 0);
  const erased = retention.ageBands.reduce((sum, row) => sum + row.erased, 0);
  return (
    <section aria-labelledby="retention-heading" className="space-y-4">
      <h2 id="retention-heading" className="text-xl font-semibold">
        Retention, now
      </h2>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Overdue label="Masking overdue" count={retention.overdue.masking} limit={`Identifiable travellers collected more than ${retention.maskAfterDays} days ago.`} />
        <Overdue label="Erasure overdue" count={retention.overdue.erasure} limit={`Travellers collected more than ${retention.eraseAfterDays} days ago that nothing holds.`} />
        <div className="rounded-md border border-border p-4">
          <dt className="text-sm font-medium">Next masking due</dt>
          <dd className="text-xl font-semibold tabular-nums">{formatDay(retention.nextMaskingDue)}</dd>
          <dt className="mt-2 text-sm font-medium">Next erasure due</dt>
          <dd className="text-xl font-semibold tabular-nums">{formatDay(retention.nextErasureDue)}</dd>
        </div>
        <div className="rounded-md border border-border p-4">
          <dt className="text-sm font-medium">Travellers held</dt>
          <dd className="text-3xl font-bold tabular-nums">{formatCount(retention.heldTravellers)}</dd>
          <dd className="text-xs text-muted">Kept while an escalation of one of their hits is open. Erased by completed runs so far: {formatCount(retention.erasedByRuns)}.</dd>
        </div>
      </dl>
      <ChartFigure
        id="retention-age"
        title="Travellers by age since collection"
        description={`${formatCount(identifiable)} identifiable and ${formatCount(masked)} masked travellers; ${formatCount(erased)} erased by retention.`}
        csvHref={metricsChartExportHref(query, 'retention-age')}
        chart={<RetentionAgeChart label={`Stacked bar chart of identifiable, masked and erased travellers by age: ${retention.ageBands.map((row) => `${row.label} ${formatCount(row.identifiable)} identifiable, ${formatCount(row.masked)} masked, ${formatCount(row.erased)} erased`).join('; ')}.`} data={retention.ageBands} />}
      >
        <MetricsTable
          caption="Travellers by age since collection"
          rows={retention.ageBands}
          rowKey={(row) => row.band}
          columns={[
            { header: 'Age', cell: (row) => row.label },
            { header: 'Identifiable', numeric: true, cell: (row) => formatCount(row.identifiable) },
            { header: 'Masked', numeric: true, cell: (row) => formatCount(row.masked) },
            { header: 'Erased', numeric: true, cell: (row) => formatCount(row.erased) },
          ]}
        />
      </ChartFigure>
      <div className="grid gap-4 xl:grid-cols-2">
        <div className="min-w-0 space-y-2">
          <MetricsTable
            caption="Holds and their reasons"
            rows={retention.holds}
            rowKey={(row) => row.reason}
            columns={[
              { header: 'Reason', cell: (row) => row.label },
              { header: 'Travellers', numeric: true, cell: (row) => formatCount(row.travellers) },
              { header: 'Past the erasure limit', numeric: true, cell: (row) => formatCount(row.pastEraseLimit) },
            ]}
          />
          <Link href={metricsChartExportHref(query, 'retention-holds')} download className={LINK_CLASS} aria-label="Download CSV: holds and their reasons">
            Download CSV
          </Link>
        </div>
        <div className="min-w-0 space-y-2">
          <MetricsTable
            caption="Last retention runs (counts only)"
            rows={retention.runs}
            rowKey={(row) => row.startedAt}
            empty="The retention job has not run yet."
            columns={[
              { header: 'Started', cell: (row) => <LocalTime iso={row.startedAt} /> },
              { header: 'Status', cell: (row) => `${row.status}${row.dryRun ? ' (dry run)' : ''}` },
              { header: 'Masked', numeric: true, cell: (row) => formatCount(row.masked) },
              { header: 'Erased', numeric: true, cell: (row) => formatCount(row.erased) },
              { header: 'Held', numeric: true, cell: (row) => formatCount(row.held) },
              { header: 'Events erased', numeric: true, cell: (row) => formatCount(row.eventsErased) },
            ]}
          />
          <Link href={metricsChartExportHref(query, 'retention-runs')} download className={LINK_CLASS} aria-label="Download CSV: last retention runs">
            Download CSV
          </Link>
        </div>
      </div>
    </section>
  );
}
