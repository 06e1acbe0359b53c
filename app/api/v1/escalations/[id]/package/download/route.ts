import { z } from 'zod';
import { getDisclosurePackage } from '@/server/escalations/get-disclosure-package';
import { apiRoute, readParam } from '@/server/http/api-route';

// The same package as a file; the download is its own DISCLOSURE event.
export const GET = apiRoute<{ id: string }>(
  ({ caller, params }) => getDisclosurePackage(caller, readParam(params.id, z.uuid(), 'escalation request'), 'download'),
  { download: ({ id }) => `disclosure-package-${id}.json` },
);
