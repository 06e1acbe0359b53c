// Runs once when a server instance starts. From here the access log's pending events are
// linked into the chain (server/access-log/chainer.ts) and its checkpoints written on a
// schedule (server/access-log/checkpoint-schedule.ts), and the retention job runs
// (server/retention/retention-schedule.ts), and the metrics rollups are compacted
// (server/metrics/rollup-schedule.ts), and expired sessions are ended and long-ended ones pruned
// (server/auth/user-session.ts). NEXT_RUNTIME is Next's own marker,
// not configuration: both need Node, not the edge runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startAccessLogChainer } = await import('./server/access-log/chainer');
  const { startCheckpointSchedule } = await import('./server/access-log/checkpoint-schedule');
  const { startRetentionSchedule } = await import('./server/retention/retention-schedule');
  const { startRollupCompaction } = await import('./server/metrics/rollup-schedule');
  const { startSessionSweep } = await import('./server/auth/user-session');
  startAccessLogChainer();
  startCheckpointSchedule();
  startRetentionSchedule();
  startRollupCompaction();
  startSessionSweep();
}

// Next.js calls this for an error a page, layout or server action throws (route handlers
// catch and log their own: server/http/api-route.ts). One structured line with the request
// id proxy.ts stamped and the digest the error page shows, so either finds the detail.
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routePath: string; routeType: string },
) {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logServerError } = await import('./server/http/log-error');
  const header = request.headers['x-request-id'];
  const digest = (error as { digest?: unknown } | null)?.digest;
  logServerError(
    { requestId: (Array.isArray(header) ? header[0] : header) ?? 'unknown', method: request.method, path: request.path },
    error,
    { digest: typeof digest === 'string' ? digest : undefined, route: context.routePath, routeType: context.routeType },
  );
}
