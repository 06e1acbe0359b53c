import { startRetentionRunSchema } from '@/lib/schemas/retention';
import { apiRoute, readBody } from '@/server/http/api-route';
import { listRetentionRuns } from '@/server/retention/list-retention-runs';
import { startRetentionRun } from '@/server/retention/start-retention-run';

// Polled while a run is in progress: it never extends the session.
export const GET = apiRoute(async ({ caller }) => ({ items: await listRetentionRuns(caller) }), { activity: 'background' });

// Starts the run and answers at once (202) with its row; the run goes on in the background and
// the page follows it through GET. 409 while another run holds the job.
export const POST = apiRoute(async ({ caller, request }) => ({ run: (await startRetentionRun(caller, await readBody(request, startRetentionRunSchema))).run }), {
  status: 202,
  requires: { permission: 'retention.manage', resource: () => ({ type: 'retention-run' }) },
});
