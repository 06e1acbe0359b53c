import 'server-only';
import type { RetentionRunView } from '@/lib/schemas/retention';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { ConflictError, NotFoundError } from '@/server/errors';
import { retentionLockHeld, runSelect, toRunView } from './list-retention-runs';

/**
 * Asks a real retention run in progress to stop, for an administrator: the run reads the request
 * before its next batch and ends STOPPED, the batches it finished staying done (the next run goes
 * on from there). Answers the run as it is now. 404 for no such run; 409 when it is no longer
 * running or is a dry run (which changes nothing and ends by itself). Recorded as an alteration
 * of the run, in the transaction that writes the request.
 */
export async function stopRetentionRun(caller: Caller, runId: string): Promise<RetentionRunView> {
  await requirePermission(caller, 'retention.manage', { type: 'retention-run', id: runId });
  return db().$transaction(async (tx) => {
    const row = await tx.retentionRun.findUnique({ where: { id: runId }, select: { status: true, dryRun: true, stopRequestedAt: true } });
    if (!row) throw new NotFoundError('This retention run does not exist.');
    if (row.dryRun) throw new ConflictError('A dry run changes nothing and ends by itself; it cannot be stopped.');
    const { count } = await tx.retentionRun.updateMany({
      where: { id: runId, status: 'RUNNING', stopRequestedAt: null },
      data: { stopRequestedAt: new Date(), stopRequestedBy: caller.actorLabel },
    });
    if (count === 0) {
      throw new ConflictError(row.status === 'RUNNING' ? 'Stopping this run was already asked for; it stops before its next batch.' : 'This run is no longer running.');
    }
    // RUNNING, but no session holds the job's lock: its server stopped in the middle (INTERRUPTED).
    if (!(await retentionLockHeld(tx))) throw new ConflictError('This run is no longer running: its server stopped in the middle.');
    await recordAccessEvent(tx, caller, { operation: 'ALTERATION', resourceType: 'retention-run', resourceId: runId, purpose: 'Retention run stopped by hand', details: { stop: true } });
    return toRunView(await tx.retentionRun.findUniqueOrThrow({ where: { id: runId }, select: runSelect }));
  });
}
