import 'server-only';
import { RETENTION_RUNS_LISTED, type RetentionRunPhase, type RetentionRunView } from '@/lib/schemas/retention';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db, type Db, type Tx } from '@/server/db';
import { RETENTION_LOCK_KEY } from './run-retention';

export const runSelect = {
  id: true,
  startedAt: true,
  startedBy: true,
  finishedAt: true,
  dryRun: true,
  status: true,
  phase: true,
  masked: true,
  erased: true,
  held: true,
  suppressionsErased: true,
  eventsErased: true,
  error: true,
  stopRequestedAt: true,
  stopRequestedBy: true,
} as const;

type RunRow = Awaited<ReturnType<Db['retentionRun']['findMany']>>[number];

/** `lockHeld: false` shows a RUNNING row as what it is: a run whose server stopped in the middle. */
export function toRunView(row: Pick<RunRow, keyof typeof runSelect>, lockHeld = true): RetentionRunView {
  const running = row.status === 'RUNNING';
  return {
    id: row.id,
    startedAt: row.startedAt.toISOString(),
    startedBy: row.startedBy,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : null,
    dryRun: row.dryRun,
    status: running && !lockHeld ? 'INTERRUPTED' : row.status,
    phase: running && lockHeld ? (row.phase as RetentionRunPhase | null) : null,
    masked: row.masked,
    erased: row.erased,
    held: row.held,
    suppressionsErased: row.suppressionsErased,
    eventsErased: row.eventsErased,
    error: row.error,
    stopRequestedAt: row.stopRequestedAt?.toISOString() ?? null,
    stopRequestedBy: row.stopRequestedBy,
  };
}

/**
 * Whether some session holds the job's lock. A run holds it from before its row is created until
 * after its row is finished, so a RUNNING row without it died with its process (the next run marks it).
 */
export async function retentionLockHeld(client: Db | Tx): Promise<boolean> {
  // A one-key advisory lock shows in pg_locks as its 64-bit key split into classid and objid.
  const [row] = await client.$queryRaw<{ held: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM pg_locks
      WHERE locktype = 'advisory' AND granted AND objsubid = 1
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND ((classid::bigint << 32) | objid::bigint) = hashtext(${RETENTION_LOCK_KEY})::bigint
    ) AS held`;
  return row?.held ?? false;
}

export async function readRunViews(client: Db | Tx): Promise<RetentionRunView[]> {
  const rows = await client.retentionRun.findMany({ select: runSelect, orderBy: { startedAt: 'desc' }, take: RETENTION_RUNS_LISTED });
  const lockHeld = rows.some((row) => row.status === 'RUNNING') ? await retentionLockHeld(client) : true;
  return rows.map((row) => toRunView(row, lockHeld));
}

/** The last runs of the retention job, newest first: counts only, never personal data. */
export async function listRetentionRuns(caller: Caller): Promise<RetentionRunView[]> {
  await requirePermission(caller, 'retention.read', { type: 'retention-run' });
  return readRunViews(db());
}
