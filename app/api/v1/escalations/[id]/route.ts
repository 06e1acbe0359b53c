import { z } from 'zod';
import { getEscalation } from '@/server/escalations/get-escalation';
import { apiRoute, readParam } from '@/server/http/api-route';

export const GET = apiRoute<{ id: string }>(({ caller, params }) => getEscalation(caller, readParam(params.id, z.uuid(), 'escalation request')));
