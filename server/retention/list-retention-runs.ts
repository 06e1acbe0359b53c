import 'server-only';
import { RETENTION_RUNS_LISTED, type RetentionRunView } from '@/lib/schemas/retention';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db, type Db, type Tx } from '@/server/db';

export const runSelect = {
  id: true,
  startedAt: true,
  finishedAt: true,
  dryRun: true,
  status: true,
  masked: true,
  erased: true,
  held: true,
  eventsErased: true,
  error: true,
} as const;

type RunRow = Awaited<ReturnType<Db['retentionRun']['findMany']>>[number];

export function toRunView(row: Pick<RunRow, keyof typeof runSelect>): RetentionRunView {
  return {
    id: row.id,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : null,
    dryRun: row.dryRun,
    status: row.status,
    masked: row.masked,
    erased: row.erased,
    held: row.held,
    eventsErased: row.eventsErased,
    error: row.error,
  };
}

export async function readRunViews(client: Db | Tx): Promise<RetentionRunView[]> {
  const rows = await client.retentionRun.findMany({ select: runSelect, orderBy: { startedAt: 'desc' }, take: RETENTION_RUNS_LISTED });
  return rows.map(toRunView);
}

/** The last runs of the retention job, newest first: counts only, never personal data. */
export async function listRetentionRuns(caller: Caller): Promise<RetentionRunView[]> {
  await requirePermission(caller, 'retention.read', { type: 'retention-run' });
  return readRunViews(db());
}
