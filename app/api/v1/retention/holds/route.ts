import { apiRoute } from '@/server/http/api-route';
import { listRetentionHolds } from '@/server/retention/list-retention-holds';

export const GET = apiRoute(async ({ caller }) => listRetentionHolds(caller));
