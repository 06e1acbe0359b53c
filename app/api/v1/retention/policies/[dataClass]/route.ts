import { z } from 'zod';
import { dataClassSchema } from '@/lib/schemas/retention';
import { apiRoute, readBody, readParam } from '@/server/http/api-route';
import { updateRetentionPolicy } from '@/server/retention/update-retention-policy';

// The body is checked against the class's schema (lib/schemas/retention.ts) in server/, after
// the permission: which limits a class has, and their bounds, are the server's to say.
export const PATCH = apiRoute<{ dataClass: string }>(async ({ caller, request, params }) =>
  updateRetentionPolicy(caller, readParam(params.dataClass, dataClassSchema, 'data class'), await readBody(request, z.unknown())),
  { requires: { permission: 'retention.manage', resource: (params) => ({ type: 'retention-policy', id: params.dataClass }) } },
);
