import 'server-only';
import { startRetentionRunSchema, type StartedRetentionRun } from '@/lib/schemas/retention';
import { recordAccessEvent } from '@/server/access-log/record';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { ConflictError, ValidationError } from '@/server/errors';
import { runSelect, toRunView } from './list-retention-runs';
import { runRetention } from './run-retention';

/**
 * Runs the retention job now, for an administrator: a dry run counts what would be masked and
 * erased and changes nothing; a real run masks and erases irreversibly, its erasure events naming
 * the administrator. Refused (409) while another run — scheduled or started by hand — holds the
 * job's lock. Who started which run is recorded as an access event (the run row has no column for it).
 */
export async function startRetentionRun(caller: Caller, body: unknown): Promise<StartedRetentionRun> {
  await requirePermission(caller, 'retention.manage', { type: 'retention-run' });
  const parsed = startRetentionRunSchema.safeParse(body);
  if (!parsed.success) throw new ValidationError('Say whether this is a dry run.', { dryRun: parsed.error.issues[0]?.message ?? 'Required.' });
  const { dryRun } = parsed.data;
  const previous = await db().retentionRun.findFirst({ orderBy: { startedAt: 'desc' }, select: { startedAt: true } });
  let runId: string;
  let suppressionsErased = 0;
  try {
    const result = await runRetention({ dryRun, caller });
    if (!result) {
      throw new ConflictError('Another retention run is in progress (the scheduled job or another administrator’s); nothing was started. Try again when it has finished.');
    }
    runId = result.runId;
    suppressionsErased = result.suppressionsErased;
  } catch (error) {
    // A real run that fails has still done its finished batches: answer the recorded run (status
    // FAILED, its counts and error) rather than a generic "nothing was changed".
    if (error instanceof ConflictError) throw error;
    const failed = await db().retentionRun.findFirst({
      where: { status: 'FAILED', dryRun, ...(previous ? { startedAt: { gt: previous.startedAt } } : {}) },
      orderBy: { startedAt: 'desc' },
      select: { id: true },
    });
    if (!failed) throw error;
    console.error('Retention run failed:', error instanceof Error ? error.message : error);
    runId = failed.id;
  }
  return db().$transaction(async (tx) => {
    const row = await tx.retentionRun.findUniqueOrThrow({ where: { id: runId }, select: runSelect });
    await recordAccessEvent(tx, caller, {
      operation: dryRun ? 'CONSULTATION' : 'ALTERATION',
      resourceType: 'retention-run',
      resourceId: row.id,
      purpose: dryRun ? 'Retention dry run started by hand' : 'Retention run started by hand',
      details: { dryRun, status: row.status, masked: row.masked, erased: row.erased, held: row.held, eventsErased: row.eventsErased, suppressionsErased },
    });
    return { run: toRunView(row), suppressionsErased };
  });
}
