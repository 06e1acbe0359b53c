import { metricsInputFromParams } from '@/lib/schemas/metrics';
import { apiRoute } from '@/server/http/api-route';
import { getMetrics } from '@/server/metrics/get-metrics';

// GET /api/v1/metrics?from=YYYY-MM-DD&to=YYYY-MM-DD&granularity=day|week|month[&minTravellers&minDecided]
export const GET = apiRoute(async ({ caller, request }) => getMetrics(caller, metricsInputFromParams(new URL(request.url).searchParams)));
