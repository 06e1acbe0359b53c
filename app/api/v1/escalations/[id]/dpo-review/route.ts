import { z } from 'zod';
import { repersonalisationReviewSchema } from '@/lib/schemas/escalation';
import { reviewRepersonalisation } from '@/server/escalations/review-repersonalisation';
import { apiRoute, readBody, readParam } from '@/server/http/api-route';

export const POST = apiRoute<{ id: string }>(async ({ caller, request, params }) =>
  reviewRepersonalisation(caller, readParam(params.id, z.uuid(), 'escalation request'), (await readBody(request, repersonalisationReviewSchema)).note),
  { requires: { permission: 'escalations.review-repersonalisation', resource: (params) => ({ type: 'escalation', id: params.id }) } },
);
