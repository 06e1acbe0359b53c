import { listAssignees } from '@/server/hits/list-assignees';
import { apiRoute } from '@/server/http/api-route';

export const GET = apiRoute(({ caller }) => listAssignees(caller));
