'use client';

import { metricsChartExportHref } from '@/lib/queries/metrics';
import type { FalsePositiveRow, MetricsChart, MetricsQuery, MetricsReport } from '@/lib/schemas/metrics';
import { ChartFigure } from './chart-figure';
import { FalsePositiveRateChart } from './lazy-charts';
import { formatCount, formatRate } from './metrics-format';
import { MetricsTable } from './metrics-table';

function RateFigure({ id, title, by, rows, query, chart }: { id: string; title: string; by: string; rows: FalsePositiveRow[]; query: MetricsQuery; chart: MetricsChart }) {
  const data = rows.map((row) => ({ label: row.label, percent: row.falsePositiveRate === null ? null : row.falsePositiveRate * 100 }));
  const summary = rows.map((row) => `${row.label} ${formatRate(row.falsePositiveRate)}`).join(', ') || 'no hits';
  return (
    <ChartFigure
      id={id}
      title={title}
      csvHref={metricsChartExportHref(query, chart)}
      chart={<FalsePositiveRateChart label={`Bar chart of the false-positive rate per ${by}: ${summary}.`} data={data} />}
    >
      <MetricsTable
        caption={`${title}: cleared among the hits a person decided`}
        rows={rows}
        rowKey={(row) => row.key}
        empty="No hits in this period."
        columns={[
          { header: by === 'watchlist' ? 'Watchlist' : 'Offence category', cell: (row) => row.label },
          { header: 'Hits', numeric: true, cell: (row) => formatCount(row.hits) },
          { header: 'Decided', numeric: true, cell: (row) => formatCount(row.decided) },
          { header: 'Cleared', numeric: true, cell: (row) => formatCount(row.cleared) },
          { header: 'False-positive rate', numeric: true, cell: (row) => formatRate(row.falsePositiveRate) },
        ]}
      />
    </ChartFigure>
  );
}

/** Which lists and categories cost the most intrusion for the least result. */
export function FalsePositiveSection({ query, falsePositives }: { query: MetricsQuery; falsePositives: MetricsReport['falsePositives'] }) {
  return (
    <section aria-labelledby="false-positives-heading" className="space-y-4">
      <h2 id="false-positives-heading" className="text-xl font-semibold">
        False positives
      </h2>
      <p className="max-w-3xl text-sm text-muted">Cleared hits as a share of the hits a person decided (cleared, confirmed or escalated), highest first.</p>
      <div className="grid gap-4 xl:grid-cols-2">
        <RateFigure id="fp-source" title="False-positive rate per watchlist" by="watchlist" rows={falsePositives.bySource} query={query} chart="false-positives-by-source" />
        <RateFigure id="fp-category" title="False-positive rate per offence category" by="offence category" rows={falsePositives.byCategory} query={query} chart="false-positives-by-category" />
      </div>
    </section>
  );
}
