// Runs once when a server instance starts. From here the access log's pending events are
// linked into the chain (server/access-log/chainer.ts) and its checkpoints written on a
// schedule (server/access-log/checkpoint-schedule.ts), and the retention job runs
// (server/retention/retention-schedule.ts), and the metrics rollups are compacted
// (server/metrics/rollup-schedule.ts). NEXT_RUNTIME is Next's own marker,
// not configuration: both need Node, not the edge runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startAccessLogChainer } = await import('./server/access-log/chainer');
  const { startCheckpointSchedule } = await import('./server/access-log/checkpoint-schedule');
  const { startRetentionSchedule } = await import('./server/retention/retention-schedule');
  const { startRollupCompaction } = await import('./server/metrics/rollup-schedule');
  startAccessLogChainer();
  startCheckpointSchedule();
  startRetentionSchedule();
  startRollupCompaction();
}
