import 'server-only';
import { csvRow } from '@/lib/csv';
import type { AccessLogQuery } from '@/lib/schemas/access-log';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { accessEventSelect, accessLogWhere, toAccessEventView } from './access-event-view';
import { recordAccessEvent } from './record';
import { chainAccessEvents } from './chainer';

const BATCH = 2000;
const COLUMNS = ['seq', 'at', 'actorType', 'actorLabel', 'role', 'operation', 'outcome', 'resourceType', 'resourceId', 'travellerId', 'purpose', 'recipient', 'ip', 'userAgent', 'details'] as const;

export type ExportFormat = 'csv' | 'json';

/**
 * Exports a search as CSV or JSON, newest first, streamed batch by batch (keyset on seq)
 * so a range of millions of events never sits in memory. The export is recorded before
 * the first byte leaves.
 */
export async function exportAccessLog(caller: Caller, query: AccessLogQuery, format: ExportFormat): Promise<AsyncGenerator<string>> {
  await requirePermission(caller, 'access-log.export', { type: 'access-log-export' });
  const { where } = await db().$transaction(async (tx) => {
    const resolved = await accessLogWhere(tx, query);
    await recordAccessEvent(tx, caller, {
      operation: 'CONSULTATION',
      resourceType: 'access-log-export',
      travellerId: resolved.travellerIds?.length === 1 ? resolved.travellerIds[0] : null,
      purpose: 'Access log export',
      details: { format, filters: Object.keys(query), found: resolved.travellerIds },
    });
    return resolved;
  });
  await chainAccessEvents(); // the export covers everything committed up to now, its own record included
  return rows(where, format);
}

async function* rows(where: Awaited<ReturnType<typeof accessLogWhere>>['where'], format: ExportFormat): AsyncGenerator<string> {
  yield format === 'csv' ? csvRow(COLUMNS) : '[\n';
  let cursor: bigint | null = null;
  let first = true;
  for (;;) {
    const batch: Parameters<typeof toAccessEventView>[0][] = await db().accessEvent.findMany({
      where: cursor === null ? where : { AND: [where, { seq: { lt: cursor } }] },
      select: accessEventSelect,
      orderBy: { seq: 'desc' },
      take: BATCH,
    });
    for (const row of batch) {
      const view = toAccessEventView(row);
      if (format === 'csv') yield csvRow(COLUMNS.map((column) => view[column]));
      else {
        yield `${first ? '' : ',\n'}${JSON.stringify(view)}`;
        first = false;
      }
    }
    if (batch.length < BATCH) break;
    cursor = batch[batch.length - 1]!.seq;
  }
  if (format === 'json') yield '\n]\n';
}
