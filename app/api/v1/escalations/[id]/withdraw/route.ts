import { z } from 'zod';
import { withdrawEscalation } from '@/server/escalations/withdraw-escalation';
import { apiRoute, readParam } from '@/server/http/api-route';

export const POST = apiRoute<{ id: string }>(({ caller, params }) => withdrawEscalation(caller, readParam(params.id, z.uuid(), 'escalation request')));
