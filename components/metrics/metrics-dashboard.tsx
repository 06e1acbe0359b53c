'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { metricsHref, metricsReportOptions } from '@/lib/queries/metrics';
import type { MetricsQuery, MetricsReport } from '@/lib/schemas/metrics';
import { DisparitySection } from './disparity-section';
import { FalsePositiveSection } from './false-positive-section';
import { FunnelSection } from './funnel-section';
import { IntrusionSection } from './intrusion-section';
import { LocalTime } from '@/components/ui/local-time';
import { PeriodForm } from './period-form';
import { PnrStatisticsPanel } from './pnr-statistics-panel';
import { RetentionSection } from './retention-section';
import { ReviewTimeSection } from './review-time-section';

export interface MetricsDashboardProps {
  query: MetricsQuery;
  /** Read on the server for the same query (same query key): the page hydrates without a request. */
  report: MetricsReport;
  renderedAt: number;
  /** Why the period in the URL was replaced, if it was. */
  notice: string | null;
}

/**
 * The dashboard. The URL holds the period: changing it is a navigation, so the page reads the
 * new period on the server and the back button works; the query refreshes in the background.
 */
export function MetricsDashboard({ query, report, renderedAt, notice }: MetricsDashboardProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { data } = useQuery({ ...metricsReportOptions(query), initialData: report, initialDataUpdatedAt: renderedAt });
  const navigate = (next: MetricsQuery) => startTransition(() => router.push(metricsHref(next)));

  return (
    <div className="space-y-8" aria-busy={pending}>
      <div role="status">
        {notice ? <p className="rounded-md border border-warn bg-surface p-3 text-sm text-warn">{notice}</p> : null}
      </div>
      <PeriodForm query={query} pending={pending} onChange={navigate} />
      <p className="text-sm text-muted">
        {query.from} to {query.to}, per {query.granularity}. Figures as of <LocalTime iso={data.generatedAt} />.
      </p>
      <FunnelSection query={query} funnel={data.funnel} />
      <FalsePositiveSection query={query} falsePositives={data.falsePositives} />
      <ReviewTimeSection query={query} reviewTime={data.reviewTime} />
      <IntrusionSection query={query} intrusion={data.intrusion} />
      <DisparitySection query={query} disparity={data.disparity} />
      <RetentionSection query={query} retention={data.retention} />
      <PnrStatisticsPanel query={query} />
    </div>
  );
}
