import { hitIdSchema, hitNoteSchema } from '@/lib/schemas/hit';
import { addHitNote } from '@/server/hits/add-hit-note';
import { apiRoute, readBody, readParam } from '@/server/http/api-route';

export const POST = apiRoute<{ id: string }>(
  async ({ caller, request, params }) =>
    addHitNote(caller, readParam(params.id, hitIdSchema, 'hit'), (await readBody(request, hitNoteSchema)).note),
  { status: 201, requires: { permission: 'hits.decide', resource: (params) => ({ type: 'hit', id: params.id }) } },
);
