import { hitIdSchema } from '@/lib/schemas/hit';
import { claimHit } from '@/server/hits/claim-hit';
import { apiRoute, readParam } from '@/server/http/api-route';

export const POST = apiRoute<{ id: string }>(({ caller, params }) => claimHit(caller, readParam(params.id, hitIdSchema, 'hit')));
