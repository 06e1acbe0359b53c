import { apiRoute } from '@/server/http/api-route';
import { listRetentionPolicies } from '@/server/retention/list-retention-policies';

// For the retention page's client-side queries (session only); not part of the machine API.
export const GET = apiRoute(async ({ caller }) => listRetentionPolicies(caller));
