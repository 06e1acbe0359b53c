import { escalationRequestSchema } from '@/lib/schemas/escalation';
import { hitIdSchema } from '@/lib/schemas/hit';
import { requestEscalation } from '@/server/escalations/request-escalation';
import { apiRoute, readBody, readParam } from '@/server/http/api-route';

export const POST = apiRoute<{ id: string }>(
  async ({ caller, request, params }) =>
    requestEscalation(caller, readParam(params.id, hitIdSchema, 'hit'), await readBody(request, escalationRequestSchema)),
  { status: 201, requires: { permission: 'escalations.request', resource: (params) => ({ type: 'hit', id: params.id }) } },
);
