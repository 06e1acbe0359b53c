import { z } from 'zod';
import { setUserActiveSchema } from '@/lib/schemas/user';
import { apiRoute, readBody, readParam } from '@/server/http/api-route';
import { setUserActive } from '@/server/users/set-user-active';

export const POST = apiRoute<{ id: string }>(async ({ caller, params, request }) => {
  const id = readParam(params.id, z.uuid(), 'user');
  return setUserActive(caller, id, (await readBody(request, setUserActiveSchema)).active);
}, { requires: { permission: 'users.manage', resource: (params) => ({ type: 'user', id: params.id }) } });
