import { z } from 'zod';
import { apiRoute, readParam } from '@/server/http/api-route';
import { stopRetentionRun } from '@/server/retention/stop-retention-run';

// Asks a real run in progress to stop before its next batch: 202 with the run (still RUNNING
// until it has stopped; the page follows it through GET /api/v1/retention/runs).
export const POST = apiRoute<{ id: string }>(async ({ caller, params }) => ({ run: await stopRetentionRun(caller, readParam(params.id, z.uuid(), 'Retention run')) }), {
  status: 202,
});
