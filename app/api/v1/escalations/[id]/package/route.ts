import { z } from 'zod';
import { getDisclosurePackage } from '@/server/escalations/get-disclosure-package';
import { apiRoute, readParam } from '@/server/http/api-route';

export const GET = apiRoute<{ id: string }>(({ caller, params }) =>
  getDisclosurePackage(caller, readParam(params.id, z.uuid(), 'escalation request')),
);
