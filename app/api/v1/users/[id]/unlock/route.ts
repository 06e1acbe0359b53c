import { z } from 'zod';
import { apiRoute, readParam } from '@/server/http/api-route';
import { unlockUser } from '@/server/users/unlock-user';

export const POST = apiRoute<{ id: string }>(async ({ caller, params }) => unlockUser(caller, readParam(params.id, z.uuid(), 'user')));
