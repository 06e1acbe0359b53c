import 'server-only';
import { startRetentionRunSchema, type RetentionRunView } from '@/lib/schemas/retention';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { ConflictError, ValidationError } from '@/server/errors';
import { runSelect, toRunView } from './list-retention-runs';
import { startRetention } from './run-retention';

/**
 * Starts the retention job now, for an administrator, and answers at once with the run: it goes
 * on in the background (a real run on a large unit takes minutes to hours) and its row counts up
 * batch by batch, which the retention page follows. A dry run counts what would be masked and
 * erased and changes nothing; a real run masks and erases irreversibly, its erasure events naming
 * the administrator. Refused (409) while another run — scheduled or started by hand — holds the
 * job's lock. The start is recorded as an access event in the transaction that creates the run's
 * row. `done` settles (never rejects) when the run has finished; its outcome is the row's.
 */
export async function startRetentionRun(caller: Caller, body: unknown): Promise<{ run: RetentionRunView; done: Promise<void> }> {
  await requirePermission(caller, 'retention.manage', { type: 'retention-run' });
  const parsed = startRetentionRunSchema.safeParse(body);
  if (!parsed.success) throw new ValidationError('Say whether this is a dry run.', { dryRun: parsed.error.issues[0]?.message ?? 'Required.' });
  const { dryRun } = parsed.data;
  const started = await startRetention({
    dryRun,
    caller,
    onStart: (tx, runId) =>
      recordAccessEvent(tx, caller, {
        operation: dryRun ? 'CONSULTATION' : 'ALTERATION',
        resourceType: 'retention-run',
        resourceId: runId,
        purpose: dryRun ? 'Retention dry run started by hand' : 'Retention run started by hand',
        details: { dryRun },
      }),
  });
  if (!started) {
    throw new ConflictError('Another retention run is in progress (the scheduled job or another administrator’s); nothing was started. Try again when it has finished.');
  }
  // A failed run has still done its finished batches; its row says FAILED with the error.
  const done = started.done.then(
    () => undefined,
    (error: unknown) => console.error('Retention run failed:', error instanceof Error ? error.message : error),
  );
  const row = await db().retentionRun.findUniqueOrThrow({ where: { id: started.runId }, select: runSelect });
  return { run: toRunView(row), done };
}
