import { metricsInputFromParams } from '@/lib/schemas/metrics';
import { exportPnrStatistics } from '@/server/metrics/export-metrics';
import { metricsFileResponse } from '@/server/metrics/metrics-file-response';

// GET /api/v1/metrics/pnr-statistics?from=…&to=…&format=json|csv: PNR Directive art. 20 statistics as a file.
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  return metricsFileResponse(request, (caller) => exportPnrStatistics(caller, { ...metricsInputFromParams(params), format: params.get('format') }));
}
