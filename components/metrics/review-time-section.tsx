'use client';

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { metricsChartExportHref } from '@/lib/queries/metrics';
import type { MetricsQuery, MetricsReport, ReviewTimeRow } from '@/lib/schemas/metrics';
import { AXIS_TICK, GRID_STROKE, SERIES } from './chart-theme';
import { ChartFigure } from './chart-figure';
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
        chartLabel={`Line chart of the median and 90th-percentile review time per ${query.granularity} in hours, with the ${deadlineHours}-hour deadline as a line.`}
        csvHref={metricsChartExportHref(query, 'review-time')}
        chart={
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ left: 8, right: 24 }} accessibilityLayer={false}>
              <CartesianGrid stroke={GRID_STROKE} />
              <XAxis dataKey="name" tick={AXIS_TICK} minTickGap={16} />
              <YAxis unit=" h" tick={AXIS_TICK} />
              <Tooltip formatter={(value) => formatHours(Number(value))} />
              <Legend />
              <ReferenceLine y={deadlineHours} stroke="var(--color-danger)" strokeDasharray="4 4" label={{ value: `${deadlineHours} h deadline`, position: 'insideTopRight', fill: 'var(--color-danger)' }} />
              <Line type="monotone" dataKey="median" name="Median" stroke={SERIES[0].color} connectNulls isAnimationActive={false} />
              <Line type="monotone" dataKey="p90" name="90th percentile" stroke={SERIES[2].color} strokeDasharray={SERIES[2].dash} connectNulls isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        }
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
        chartLabel={`Bar chart of the hits waiting for review by age: ${reviewTime.queueAge.map((row) => `${row.label} ${formatCount(row.open)}`).join(', ')}.`}
        csvHref={metricsChartExportHref(query, 'queue-age')}
        chart={
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={reviewTime.queueAge} margin={{ left: 8, right: 24 }} accessibilityLayer={false}>
              <CartesianGrid stroke={GRID_STROKE} vertical={false} />
              <XAxis dataKey="label" tick={AXIS_TICK} />
              <YAxis allowDecimals={false} tick={AXIS_TICK} />
              <Tooltip />
              <Legend />
              <Bar dataKey="open" name="Waiting" fill={SERIES[0].color} isAnimationActive={false} />
              <Bar dataKey="pastDeadline" name="Of which past the deadline" fill={SERIES[4].color} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        }
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
