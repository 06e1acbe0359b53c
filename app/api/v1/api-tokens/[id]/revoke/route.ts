import { z } from 'zod';
import { revokeApiToken } from '@/server/api-tokens/manage-api-tokens';
import { apiRoute, readParam } from '@/server/http/api-route';

export const POST = apiRoute<{ id: string }>(async ({ caller, params }) => revokeApiToken(caller, readParam(params.id, z.uuid(), 'API token')));
