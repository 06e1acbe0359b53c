import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import type { MetricsChart, MetricsQuery, MetricsReport } from '@/lib/schemas/metrics';
import { metricsQueryToParams } from '@/lib/schemas/metrics-values';

// One key factory for the metrics (CONVENTIONS.md habit 6): the page's server read and the
// client's query share the key, so the page hydrates without a second request.
export const metricsKeys = {
  all: ['metrics'] as const,
  report: (query: MetricsQuery) => [...metricsKeys.all, 'report', metricsQueryToParams(query).toString()] as const,
};

/** The figures for a period. They move slowly (aggregates over days), so they are kept a few minutes. */
export function metricsReportOptions(query: MetricsQuery) {
  return queryOptions({
    queryKey: metricsKeys.report(query),
    queryFn: ({ signal }) => apiFetch<MetricsReport>(`/api/v1/metrics?${metricsQueryToParams(query).toString()}`, { signal }),
    staleTime: 5 * 60_000,
  });
}

/** The page's URL for a period, so a view can be bookmarked and shared. */
export function metricsHref(query: MetricsQuery): string {
  return `/metrics?${metricsQueryToParams(query).toString()}`;
}

/** One chart's numbers as a CSV file. */
export function metricsChartExportHref(query: MetricsQuery, chart: MetricsChart): string {
  const params = metricsQueryToParams(query);
  params.set('chart', chart);
  return `/api/v1/metrics/export?${params.toString()}`;
}

/** The PNR Directive art. 20 statistics for the period as a file. */
export function pnrStatisticsHref(query: MetricsQuery, format: 'csv' | 'json'): string {
  const params = new URLSearchParams({ from: query.from, to: query.to, format });
  return `/api/v1/metrics/pnr-statistics?${params.toString()}`;
}
