'use client';

import { metricsChartExportHref } from '@/lib/queries/metrics';
import type { IntrusionBucket, MetricsQuery, MetricsReport } from '@/lib/schemas/metrics';
import { ChartFigure } from './chart-figure';
import { IntrusionChart } from './lazy-charts';
import { bucketHeader, formatBucket, formatCount, formatDecimal, formatRate } from './metrics-format';
import { MetricsTable } from './metrics-table';

function Figure({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div className="rounded-md border border-border p-3">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
      <dd className="text-xs text-muted">{detail}</dd>
    </div>
  );
}

/** How much masked personal data the review uncovered, and whether it led to decisions. */
export function IntrusionSection({ query, intrusion }: { query: MetricsQuery; intrusion: MetricsReport['intrusion'] }) {
  const { totals, repersonalisations } = intrusion;
  const data = intrusion.buckets.map((row) => ({ name: formatBucket(row.bucket, query.granularity), value: row.revealsPerDecidedHit }));
  return (
    <section aria-labelledby="intrusion-heading" className="space-y-4">
      <h2 id="intrusion-heading" className="text-xl font-semibold">
        Intrusion
      </h2>
      <dl className="grid gap-3 sm:grid-cols-3">
        <Figure label="Reveals per decided hit" value={formatDecimal(totals.revealsPerDecidedHit)} detail={`${formatCount(totals.reveals)} reveals, ${formatCount(totals.decided)} decided hits`} />
        <Figure
          label="Reveals not followed by a decision"
          value={formatRate(totals.shareWithoutDecision)}
          detail={`${formatCount(totals.revealsWithoutDecision)} of ${formatCount(totals.judgedReveals)} reveals up to the day before yesterday: no decision on that hit by the same user within 24 hours`}
        />
        <Figure
          label="Re-personalisations (PNR art. 12(3))"
          value={formatCount(repersonalisations.requested)}
          detail={`${formatCount(repersonalisations.approved)} approved, ${formatCount(repersonalisations.awaitingReview)} awaiting the privacy officer’s review`}
        />
      </dl>
      <ChartFigure
        id="intrusion"
        title={`Reveals per decided hit, per ${query.granularity}`}
        csvHref={metricsChartExportHref(query, 'intrusion')}
        chart={<IntrusionChart label={`Bar chart of masked-field reveals per decided hit per ${query.granularity}.`} data={data} />}
      >
        <MetricsTable<IntrusionBucket>
          caption={`Reveals per decided hit, per ${query.granularity}`}
          rows={intrusion.buckets}
          rowKey={(row) => row.bucket}
          footer={{ bucket: 'Total', reveals: totals.reveals, decided: totals.decided, revealsPerDecidedHit: totals.revealsPerDecidedHit }}
          columns={[
            { header: bucketHeader(query.granularity), cell: (row) => (row.bucket === 'Total' ? 'Total' : formatBucket(row.bucket, query.granularity)) },
            { header: 'Reveals', numeric: true, cell: (row) => formatCount(row.reveals) },
            { header: 'Decided hits', numeric: true, cell: (row) => formatCount(row.decided) },
            { header: 'Reveals per decided hit', numeric: true, cell: (row) => formatDecimal(row.revealsPerDecidedHit) },
          ]}
        />
      </ChartFigure>
    </section>
  );
}
