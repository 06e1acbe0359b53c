import { createUserSchema } from '@/lib/schemas/user';
import { apiRoute, readBody } from '@/server/http/api-route';
import { createUser } from '@/server/users/create-user';
import { listUsers } from '@/server/users/list-users';

export const GET = apiRoute(async ({ caller }) => ({ items: await listUsers(caller) }));

// The answer carries the initial password, the only time it is ever shown.
export const POST = apiRoute(async ({ caller, request }) => createUser(caller, await readBody(request, createUserSchema)), {
  status: 201,
  requires: { permission: 'users.manage', resource: () => ({ type: 'user' }) },
});
