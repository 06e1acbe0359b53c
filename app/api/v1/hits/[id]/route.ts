import { hitIdSchema } from '@/lib/schemas/hit';
import { getHit } from '@/server/hits/get-hit';
import { apiRoute, readParam } from '@/server/http/api-route';

export const GET = apiRoute<{ id: string }>(({ caller, params }) => getHit(caller, readParam(params.id, hitIdSchema, 'hit')));
