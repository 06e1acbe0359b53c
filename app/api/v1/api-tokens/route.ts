import { createApiTokenSchema } from '@/lib/schemas/api-token';
import { createApiToken, listApiTokens } from '@/server/api-tokens/manage-api-tokens';
import { apiRoute, readBody } from '@/server/http/api-route';

export const GET = apiRoute(async ({ caller }) => ({ items: await listApiTokens(caller) }));

// The answer carries the secret, the only time it is ever shown.
export const POST = apiRoute(async ({ caller, request }) => createApiToken(caller, await readBody(request, createApiTokenSchema)), {
  status: 201,
  requires: { permission: 'api-tokens.manage', resource: () => ({ type: 'api-token' }) },
});
