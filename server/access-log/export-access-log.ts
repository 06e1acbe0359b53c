import 'server-only';
import type { AccessLogQuery } from '@/lib/schemas/access-log';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { ACCESS_EVENT_COLUMNS, nthEventTime, readEncodedEvents, resolveAccessLogFilter, type AccessLogFilter } from './access-event-view';
import { CSV_LINE, JSON_OBJECT } from './export-encoding';
import { recordAccessEvent } from './record';
import { chainAccessEvents } from './chainer';

/** Events per slice read (about: a millisecond's events stay together): large enough that round trips do not count, small enough to stream. */
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

/**
 * Slices read at once, each encoded by its own PostgreSQL backend: the encoding is the
 * export's work, and two backends use both cores of a small machine (100,000 events on the
 * five-year profile: 0.79 s one slice at a time, 0.43 s two; scripts/bench/README.md).
 * More would only queue for the cores, and leave none to the people working the queue.
 */
const SLICES_IN_FLIGHT = 2;

/**
 * The file, a chunk per slice of about EXPORT_BATCH events, in the log's order. Slices are cut
 * ahead of reading by the time of their last event (a read of an index alone), so the next
 * ones are encoded while this one is sent.
 */
async function* chunks(filter: AccessLogFilter, format: ExportFormat): AsyncGenerator<string> {
  yield format === 'csv' ? CSV_HEADER : '[\n';
  const [encode, separator] = format === 'csv' ? [CSV_LINE, ''] : [JSON_OBJECT, ',\n'];
  const reading: Promise<string | null>[] = [];
  let before: string | null = null;
  let cut = false; // the last slice is reading
  const readAhead = async () => {
    while (!cut && reading.length < SLICES_IN_FLIGHT) {
      const from = await nthEventTime(db(), filter, before, EXPORT_BATCH);
      const slice = readEncodedEvents(db(), filter, { before, from }, encode, separator);
      slice.catch(() => {}); // awaited below; a download cancelled meanwhile leaves it unawaited
      reading.push(slice);
      if (from === null) cut = true;
      else before = from;
    }
  };
  await readAhead();
  for (let first = true; reading.length > 0; ) {
    const text = await reading.shift();
    const ahead = readAhead();
    ahead.catch(() => {}); // awaited below, after the chunk is taken
    if (text) {
      yield first ? text : `${separator}${text}`;
      first = false;
    }
    await ahead;
  }
  if (format === 'json') yield '\n]\n';
}
