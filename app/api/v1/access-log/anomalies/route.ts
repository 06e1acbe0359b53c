import { listAnomalies } from '@/server/access-log/anomalies/list-anomalies';
import { apiRoute } from '@/server/http/api-route';

export const GET = apiRoute(({ caller }) => listAnomalies(caller));
