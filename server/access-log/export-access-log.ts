import 'server-only';
import { csvCell } from '@/lib/csv';
import type { AccessLogQuery } from '@/lib/schemas/access-log';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { ACCESS_EVENT_COLUMNS, readAccessEventValues, resolveAccessLogFilter, toAccessEventView, type AccessEventValues, type AccessLogFilter } from './access-event-view';
import { recordAccessEvent } from './record';
import { chainAccessEvents } from './chainer';

/** Events per statement: large enough that round trips do not count, small enough to stream. */
export const EXPORT_BATCH = 5000;

export type ExportFormat = 'csv' | 'json';

/**
 * Exports a search as CSV or JSON, newest first (as the search shows it), streamed batch by
 * batch (keyset on (at, seq)) so a range of millions of events never sits in memory. The
 * export is recorded before the first byte leaves.
 */
export async function exportAccessLog(caller: Caller, query: AccessLogQuery, format: ExportFormat): Promise<AsyncGenerator<string>> {
  await requirePermission(caller, 'access-log.export', { type: 'access-log-export' });
  const { filter } = await db().$transaction(async (tx) => {
    const resolved = await resolveAccessLogFilter(tx, query);
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
  return chunks(filter, format);
}

const CSV_HEADER = `${ACCESS_EVENT_COLUMNS.join(',')}\r\n`;

/** One CSV line, as csvRow() writes the event's view, without building the view. */
function csvLine(values: AccessEventValues): string {
  let line = csvCell(values[0]);
  for (let i = 1; i < values.length; i += 1) line += `,${csvCell(values[i])}`;
  return `${line}\r\n`;
}

/**
 * The file, one chunk per batch. The next batch is read while this one is encoded and sent,
 * so the database and the app work side by side.
 */
async function* chunks(filter: AccessLogFilter, format: ExportFormat): AsyncGenerator<string> {
  yield format === 'csv' ? CSV_HEADER : '[\n';
  const read = (after: AccessEventValues | undefined) => {
    const batch = readAccessEventValues(db(), filter, after ? { seq: after[0], at: after[1] } : null, EXPORT_BATCH);
    batch.catch(() => {}); // awaited below; a download cancelled meanwhile leaves it unawaited
    return batch;
  };
  let next = read(undefined);
  let first = true;
  for (;;) {
    const batch = await next;
    const more = batch.length === EXPORT_BATCH;
    if (more) next = read(batch.at(-1));
    let text = '';
    if (format === 'csv') for (const row of batch) text += csvLine(row);
    else {
      for (const row of batch) {
        text += `${first ? '' : ',\n'}${JSON.stringify(toAccessEventView(row))}`;
        first = false;
      }
    }
    if (text) yield text;
    if (!more) break;
  }
  if (format === 'json') yield '\n]\n';
}
