import { listRecipients } from '@/server/escalations/list-recipients';
import { apiRoute } from '@/server/http/api-route';

export const GET = apiRoute(({ caller }) => listRecipients(caller));
