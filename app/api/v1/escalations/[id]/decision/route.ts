import { z } from 'zod';
import { escalationDecisionSchema } from '@/lib/schemas/escalation';
import { decideEscalation } from '@/server/escalations/decide-escalation';
import { apiRoute, readBody, readParam } from '@/server/http/api-route';

export const POST = apiRoute<{ id: string }>(async ({ caller, request, params }) =>
  decideEscalation(caller, readParam(params.id, z.uuid(), 'escalation request'), await readBody(request, escalationDecisionSchema)),
  { requires: { permission: 'escalations.approve', resource: (params) => ({ type: 'escalation', id: params.id }) } },
);
