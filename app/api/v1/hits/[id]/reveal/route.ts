import { hitIdSchema, revealSchema } from '@/lib/schemas/hit';
import { revealField } from '@/server/hits/reveal-field';
import { apiRoute, readBody, readParam } from '@/server/http/api-route';

export const POST = apiRoute<{ id: string }>(async ({ caller, request, params }) =>
  revealField(caller, readParam(params.id, hitIdSchema, 'hit'), await readBody(request, revealSchema)),
  { requires: { permission: 'hits.reveal', resource: (params) => ({ type: 'hit', id: params.id }) } },
);
