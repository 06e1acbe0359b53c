import { anomalyReviewSchema } from '@/lib/schemas/access-log';
import { reviewAnomaly } from '@/server/access-log/anomalies/review-anomaly';
import { apiRoute, readBody } from '@/server/http/api-route';

export const POST = apiRoute(async ({ caller, request }) => reviewAnomaly(caller, await readBody(request, anomalyReviewSchema)), {
  status: 201,
  requires: { permission: 'access-log.read', resource: () => ({ type: 'anomaly-review' }) },
});
