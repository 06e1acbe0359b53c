import { z } from 'zod';
import { changeUserRoleSchema } from '@/lib/schemas/user';
import { apiRoute, readBody, readParam } from '@/server/http/api-route';
import { changeUserRole } from '@/server/users/change-user-role';

export const POST = apiRoute<{ id: string }>(async ({ caller, params, request }) =>
  changeUserRole(caller, readParam(params.id, z.uuid(), 'user'), await readBody(request, changeUserRoleSchema)),
  { requires: { permission: 'users.manage', resource: (params) => ({ type: 'user', id: params.id }) } },
);
