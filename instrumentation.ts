// Runs once when a server instance starts. The access log's checkpoints are written from
// here on a schedule (server/access-log/checkpoint-schedule.ts). NEXT_RUNTIME is Next's own
// marker, not configuration: the schedule needs Node, not the edge runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startCheckpointSchedule } = await import('./server/access-log/checkpoint-schedule');
  startCheckpointSchedule();
}
