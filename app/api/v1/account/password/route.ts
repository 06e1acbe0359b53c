import { changePasswordSchema } from '@/lib/schemas/user';
import { changeOwnPassword } from '@/server/auth/change-password';
import { apiRoute, readBody } from '@/server/http/api-route';

// The one call open to a user who must still replace an initial password. Every session of the
// user ends; the browser signs in again with the new password to go on.
export const POST = apiRoute(async ({ caller, request }) => {
  await changeOwnPassword(caller, await readBody(request, changePasswordSchema));
  return { ok: true };
}, { requires: { permission: 'user', resource: () => ({ type: 'user' }) } });
