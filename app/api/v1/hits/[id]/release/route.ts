import { hitIdSchema } from '@/lib/schemas/hit';
import { releaseHit } from '@/server/hits/claim-hit';
import { apiRoute, readParam } from '@/server/http/api-route';

export const POST = apiRoute<{ id: string }>(({ caller, params }) => releaseHit(caller, readParam(params.id, hitIdSchema, 'hit')));
