import { claimNextHit } from '@/server/hits/claim-next-hit';
import { apiRoute } from '@/server/http/api-route';

export const POST = apiRoute(({ caller }) => claimNextHit(caller));
