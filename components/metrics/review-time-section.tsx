'use client';

import { metricsChartExportHref } from '@/lib/queries/metrics';
import type { MetricsQuery, MetricsReport, ReviewTimeRow } from '@/lib/schemas/metrics';
import { ChartFigure } from './chart-figure';
import { QueueAgeChart, ReviewTimeChart } from './lazy-charts';
import { bucketHeader, formatBucket, formatCount, formatHours, formatRate } from './metrics-format';
import { MetricsTable } from './metrics-table';

/** Review time against the 12-hour deadline, and the queue waiting now. */
export function ReviewTimeSection({ query, reviewTime }: { query: MetricsQuery; reviewTime: MetricsReport['reviewTime'] }) {
  const { overall, deadlineHours } = reviewTime;
  const data = reviewTime.buckets.map((row) => ({ name: formatBucket(row.bucket, query.granularity), median: row.medianHours, p90: row.p90Hours }));
  const openTotal = reviewTime.queueAge.reduce((sum, row) => sum + row.open, 0);
  const lateTotal = reviewTime.queueAge.reduce((sum, row) => sum + row.pastDeadline, 0);
  return (
    <section aria-labelledby="review-time-heading" className="space-y-4">
      <h2 id="review-time-heading" className="text-xl font-semibold">
        Review time
      </h2>
      <p className="max-w-3xl text-sm text-muted">
        From a hit’s creation to the first decision on it (cleared, confirmed or sent for escalation), against the {deadlineHours}-hour deadline. Over the
        period: median {formatHours(overall.medianHours)}, 90th percentile {formatHours(overall.p90Hours)}, {formatCount(overall.pastDeadline)} of{' '}
        {formatCount(overall.decided)} decided past the deadline ({formatRate(overall.pastDeadlineShare)}).
      </p>
      <ChartFigure
        id="review-time"
        title={`Review time per ${query.granularity}`}
        csvHref={metricsChartExportHref(query, 'review-time')}
        chart={<ReviewTimeChart label={`Line chart of the median and 90th-percentile review time per ${query.granularity} in hours, with the ${deadlineHours}-hour deadline as a line.`} data={data} deadlineHours={deadlineHours} />}
      >
        <MetricsTable<ReviewTimeRow>
          caption={`Review time per ${query.granularity}`}
          rows={reviewTime.buckets}
          rowKey={(row) => row.bucket}
          footer={{ ...overall, bucket: 'Total' }}
          columns={[
            { header: bucketHeader(query.granularity), cell: (row) => (row.bucket === 'Total' ? 'Total' : formatBucket(row.bucket, query.granularity)) },
            { header: 'Decided', numeric: true, cell: (row) => formatCount(row.decided) },
            { header: 'Median', numeric: true, cell: (row) => formatHours(row.medianHours) },
            { header: '90th percentile', numeric: true, cell: (row) => formatHours(row.p90Hours) },
            { header: 'Past deadline', numeric: true, cell: (row) => `${formatCount(row.pastDeadline)} (${formatRate(row.pastDeadlineShare)})` },
          ]}
        />
      </ChartFigure>
      <ChartFigure
        id="queue-age"
        title="Pending queue by age, now"
        description={`${formatCount(openTotal)} hits wait for review; ${formatCount(lateTotal)} of them are past their deadline.`}
        csvHref={metricsChartExportHref(query, 'queue-age')}
        chart={<QueueAgeChart label={`Bar chart of the hits waiting for review by age: ${reviewTime.queueAge.map((row) => `${row.label} ${formatCount(row.open)}`).join(', ')}.`} data={reviewTime.queueAge} />}
      >
        <MetricsTable
          caption="Hits waiting for review now, by age"
          rows={reviewTime.queueAge}
          rowKey={(row) => row.band}
          columns={[
            { header: 'Age', cell: (row) => row.label },
            { header: 'Waiting', numeric: true, cell: (row) => formatCount(row.open) },
            { header: 'Past the deadline', numeric: true, cell: (row) => formatCount(row.pastDeadline) },
          ]}
        />
      </ChartFigure>
    </section>
  );
}
