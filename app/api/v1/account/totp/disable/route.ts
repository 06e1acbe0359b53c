import { totpCodeSchema } from '@/lib/schemas/user';
import { disableOwnTotp } from '@/server/auth/manage-totp';
import { apiRoute, readBody } from '@/server/http/api-route';

// Turns the caller's own second factor off with a current code (not for a role that requires one).
export const POST = apiRoute(async ({ caller, request }) => disableOwnTotp(caller, (await readBody(request, totpCodeSchema)).code), {
  requires: { permission: 'user', resource: () => ({ type: 'user' }) },
});
