'use client';

import dynamic from 'next/dynamic';

// The charts of /metrics, loaded after the page is shown: next/dynamic with ssr: false keeps
// Recharts (charts.tsx) out of the page's first-load scripts. The server renders, and the
// browser shows until the chart code has arrived, a placeholder of the chart's size
// (ChartFigure keeps the box), so nothing moves when a chart appears; the table beneath each
// chart, server-rendered, holds its numbers from the start. The build report
// (scripts/bench/lib/page-js.mts) counts the chunks loaded here as the page's deferred code.

function ChartPlaceholder() {
  return (
    <div aria-busy="true" className="flex h-full w-full items-center justify-center rounded-md border border-dashed border-border p-4 text-center text-sm text-muted" data-testid="chart-placeholder">
      Loading the chart… The same numbers are in the table below.
    </div>
  );
}

// next/dynamic needs its options written out at each call (the compiler reads them).
export const FunnelTotalChart = dynamic(() => import('./charts').then((module) => module.FunnelTotalChart), { ssr: false, loading: ChartPlaceholder });
export const FunnelBucketsChart = dynamic(() => import('./charts').then((module) => module.FunnelBucketsChart), { ssr: false, loading: ChartPlaceholder });
export const FalsePositiveRateChart = dynamic(() => import('./charts').then((module) => module.FalsePositiveRateChart), { ssr: false, loading: ChartPlaceholder });
export const ReviewTimeChart = dynamic(() => import('./charts').then((module) => module.ReviewTimeChart), { ssr: false, loading: ChartPlaceholder });
export const QueueAgeChart = dynamic(() => import('./charts').then((module) => module.QueueAgeChart), { ssr: false, loading: ChartPlaceholder });
export const IntrusionChart = dynamic(() => import('./charts').then((module) => module.IntrusionChart), { ssr: false, loading: ChartPlaceholder });
export const DisparityChart = dynamic(() => import('./charts').then((module) => module.DisparityChart), { ssr: false, loading: ChartPlaceholder });
export const RetentionAgeChart = dynamic(() => import('./charts').then((module) => module.RetentionAgeChart), { ssr: false, loading: ChartPlaceholder });
