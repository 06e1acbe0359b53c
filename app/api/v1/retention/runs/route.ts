import { startRetentionRunSchema } from '@/lib/schemas/retention';
import { apiRoute, readBody } from '@/server/http/api-route';
import { listRetentionRuns } from '@/server/retention/list-retention-runs';
import { startRetentionRun } from '@/server/retention/start-retention-run';

export const GET = apiRoute(async ({ caller }) => ({ items: await listRetentionRuns(caller) }));

// Answers when the run has finished (a dry run takes a moment; a real run as long as its batches).
export const POST = apiRoute(async ({ caller, request }) => startRetentionRun(caller, await readBody(request, startRetentionRunSchema)), {
  requires: { permission: 'retention.manage', resource: () => ({ type: 'retention-run' }) },
});
