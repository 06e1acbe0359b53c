import { escalationListFilterSchema } from '@/lib/schemas/escalation';
import { listEscalations } from '@/server/escalations/list-escalations';
import { apiRoute } from '@/server/http/api-route';

export const GET = apiRoute(async ({ caller, request }) =>
  listEscalations(caller, escalationListFilterSchema.parse({ status: new URL(request.url).searchParams.get('status') ?? undefined })),
);
