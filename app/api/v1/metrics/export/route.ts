import { metricsInputFromParams } from '@/lib/schemas/metrics';
import { exportMetricsChart } from '@/server/metrics/export-metrics';
import { metricsFileResponse } from '@/server/metrics/metrics-file-response';

// GET /api/v1/metrics/export?chart=funnel&from=…&to=…&granularity=…: one chart's numbers as CSV.
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  return metricsFileResponse(request, (caller) => exportMetricsChart(caller, { ...metricsInputFromParams(params), chart: params.get('chart') }));
}
