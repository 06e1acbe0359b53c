import { assignHitsSchema } from '@/lib/schemas/hit';
import { assignHits } from '@/server/hits/assign-hits';
import { apiRoute, readBody } from '@/server/http/api-route';

export const POST = apiRoute(async ({ caller, request }) => ({
  updated: await assignHits(caller, await readBody(request, assignHitsSchema)),
}), { requires: { permission: 'hits.assign', resource: () => ({ type: 'hit-assignment' }) } });
