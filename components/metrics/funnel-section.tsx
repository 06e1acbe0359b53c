'use client';

import { metricsChartExportHref } from '@/lib/queries/metrics';
import type { FunnelBucket, FunnelStage, MetricsQuery, MetricsReport } from '@/lib/schemas/metrics';
import { FUNNEL_STAGES } from '@/lib/schemas/metrics-values';
import { ChartFigure } from './chart-figure';
import { FunnelBucketsChart, FunnelTotalChart } from './lazy-charts';
import { bucketHeader, formatBucket, formatCount, formatRate } from './metrics-format';
import { MetricsTable } from './metrics-table';

const LABEL = Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage.key, stage.label])) as Record<FunnelStage, string>;
// Travellers screened outnumber hits a thousandfold: the per-period chart draws the stages
// from hits on (the table has the screened counts and the hit rate).
const CHARTED = FUNNEL_STAGES.filter((stage) => stage.key !== 'screened');

/** The funnel over the whole period, and per bucket, each with its table. */
export function FunnelSection({ query, funnel }: { query: MetricsQuery; funnel: MetricsReport['funnel'] }) {
  const csvHref = metricsChartExportHref(query, 'funnel');
  const stages = FUNNEL_STAGES.map((stage) => ({
    key: stage.key,
    label: stage.label,
    count: funnel.totals[stage.key],
    // A logarithmic axis cannot show 0; an empty stage draws no bar and reads 0 in the table.
    value: funnel.totals[stage.key] > 0 ? funnel.totals[stage.key] : null,
    rate: stage.base === null ? null : funnel.rates[stage.key as Exclude<FunnelStage, 'screened'>],
    base: stage.base === null ? null : LABEL[stage.base],
  }));
  const perBucket = funnel.buckets.map((bucket) => ({ name: formatBucket(bucket.bucket, query.granularity), ...bucket.counts }));
  const summary = stages.map((stage) => `${stage.label} ${formatCount(stage.count)}`).join(', ');

  return (
    <section aria-labelledby="funnel-heading" className="space-y-4">
      <h2 id="funnel-heading" className="text-xl font-semibold">
        Funnel
      </h2>
      <p className="max-w-3xl text-sm text-muted">
        The hits created in the period, followed to where they stand now. “Confirmed” includes hits sent for escalation; “disclosed” counts disclosure
        packages produced by approvals.
      </p>
      <ChartFigure
        id="funnel-total"
        title="Funnel over the period"
        csvHref={csvHref}
        chart={<FunnelTotalChart label={`Bar chart of the funnel over the period, on a logarithmic scale: ${summary}.`} data={stages} />}
      >
        <MetricsTable
          caption="Funnel over the period: count of each stage and its share of the stage it follows"
          rows={stages}
          rowKey={(row) => row.key}
          columns={[
            { header: 'Stage', cell: (row) => row.label },
            { header: 'Count', numeric: true, cell: (row) => formatCount(row.count) },
            { header: 'Rate', numeric: true, cell: (row) => formatRate(row.rate) },
            { header: 'Of', cell: (row) => row.base ?? '—' },
          ]}
        />
      </ChartFigure>
      <ChartFigure
        id="funnel-buckets"
        title={`Funnel per ${query.granularity}`}
        csvHref={csvHref}
        chart={<FunnelBucketsChart label={`Line chart of hits, reviews, clearances, confirmations, escalations, approvals and disclosures per ${query.granularity}.`} data={perBucket} series={CHARTED} />}
      >
        <MetricsTable<FunnelBucket>
          caption={`Funnel per ${query.granularity}`}
          rows={funnel.buckets}
          rowKey={(row) => row.bucket}
          footer={{ bucket: 'Total', counts: funnel.totals, rates: funnel.rates }}
          columns={[
            { header: bucketHeader(query.granularity), cell: (row) => (row.bucket === 'Total' ? 'Total' : formatBucket(row.bucket, query.granularity)) },
            { header: 'Screened', numeric: true, cell: (row) => formatCount(row.counts.screened) },
            { header: 'Hits', numeric: true, cell: (row) => formatCount(row.counts.hits) },
            { header: 'Hit rate', numeric: true, cell: (row) => formatRate(row.rates.hits) },
            { header: 'Reviewed', numeric: true, cell: (row) => formatCount(row.counts.reviewed) },
            { header: 'Cleared', numeric: true, cell: (row) => `${formatCount(row.counts.cleared)} (${formatRate(row.rates.cleared)})` },
            { header: 'Confirmed', numeric: true, cell: (row) => `${formatCount(row.counts.confirmed)} (${formatRate(row.rates.confirmed)})` },
            { header: 'Escalation requested', numeric: true, cell: (row) => formatCount(row.counts.escalationRequested) },
            { header: 'Approved', numeric: true, cell: (row) => formatCount(row.counts.approved) },
            { header: 'Disclosed', numeric: true, cell: (row) => formatCount(row.counts.disclosed) },
          ]}
        />
      </ChartFigure>
    </section>
  );
}
