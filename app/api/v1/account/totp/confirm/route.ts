import { totpCodeSchema } from '@/lib/schemas/user';
import { confirmTotpSetup } from '@/server/auth/manage-totp';
import { apiRoute, readBody } from '@/server/http/api-route';

// Turns the second factor on once a code from the new secret is right.
export const POST = apiRoute(async ({ caller, request }) => confirmTotpSetup(caller, (await readBody(request, totpCodeSchema)).code), {
  requires: { permission: 'user', resource: () => ({ type: 'user' }) },
});
