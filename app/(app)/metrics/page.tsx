import type { Metadata } from 'next';
import { DataBoundary } from '@/components/layout/data-boundary';
import { MetricsSkeleton } from '@/components/layout/page-skeletons';
import { MetricsDashboard } from '@/components/metrics/metrics-dashboard';
import { PageHeader } from '@/components/ui/page-header';
import { metricsInputFromParams, metricsQuerySchema, presetQuery, type MetricsQuery } from '@/lib/schemas/metrics';
import type { Caller } from '@/server/auth/caller';
import { requirePagePermission } from '@/server/auth/session';
import { getMetrics } from '@/server/metrics/get-metrics';

export const metadata: Metadata = { title: 'Metrics' };

// A server component renders once per request, so its clock reading is stable.
function requestTime(): number {
  return Date.now();
}

// The URL holds the period. Without one the page shows the last 30 days; a bad one is named and
// replaced by that default, rather than failing the page. The figures are read here (through
// server/, which checks the permission again) and hydrate the client's query for the same key.
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePagePermission('metrics.read', '/metrics');
  const renderedAt = requestTime();
  const input = metricsInputFromParams(await searchParams);
  const fallback: MetricsQuery = metricsQuerySchema.parse(presetQuery('30d', new Date(renderedAt)));
  const parsed = Object.keys(input).length === 0 ? null : metricsQuerySchema.safeParse(input);
  const query = parsed?.success ? parsed.data : fallback;
  const notice = parsed && !parsed.success ? `${parsed.error.issues[0]?.message ?? 'The period is not valid.'} Showing the last 30 days instead.` : null;
  return (
    <>
      <PageHeader
        title="Metrics"
        description="Is the screening proportionate? The funnel from travellers screened to disclosures, false-positive rates, review times, intrusion, disparity between nationalities and retention. Counts only: no person can be read from this page. Dates are UTC days."
      />
      {/* The permission is checked above (a refusal is a 403); a skeleton shows while the data are read on a client-side navigation. */}
      <DataBoundary fallback={<MetricsSkeleton />} load={() => metricsSection({ caller, query, renderedAt, notice })} />
    </>
  );
}

async function metricsSection({ caller, query, renderedAt, notice }: { caller: Caller; query: MetricsQuery; renderedAt: number; notice: string | null }) {
  const report = await getMetrics(caller, query, { now: new Date(renderedAt) });
  return <MetricsDashboard query={query} report={report} renderedAt={renderedAt} notice={notice} />;
}
