import { verifyAccessLogAs } from '@/server/access-log/verify';
import { apiRoute } from '@/server/http/api-route';

// Recomputes the whole chain: may take seconds on a large log.
export const POST = apiRoute(({ caller }) => verifyAccessLogAs(caller));
