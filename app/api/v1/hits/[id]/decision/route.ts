import { hitDecisionSchema, hitIdSchema } from '@/lib/schemas/hit';
import { decideHit } from '@/server/hits/decide-hit';
import { apiRoute, readBody, readParam } from '@/server/http/api-route';

export const POST = apiRoute<{ id: string }>(async ({ caller, request, params }) =>
  decideHit(caller, readParam(params.id, hitIdSchema, 'hit'), await readBody(request, hitDecisionSchema)),
  { requires: { permission: 'hits.decide', resource: (params) => ({ type: 'hit', id: params.id }) } },
);
