import { z } from 'zod';
import { resetUserTotp } from '@/server/auth/manage-totp';
import { apiRoute, readParam } from '@/server/http/api-route';

export const POST = apiRoute<{ id: string }>(async ({ caller, params }) => resetUserTotp(caller, readParam(params.id, z.uuid(), 'user')));
