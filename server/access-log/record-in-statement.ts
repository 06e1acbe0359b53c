import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { Caller } from '@/server/auth/caller';
import { eventTemplate, type SharedEventInput } from './event-template';

/** An event a read records about what it reads, in its own statement. */
export interface ReadEvent {
  caller: Caller;
  event: SharedEventInput;
}

/** `WITH recorded AS (…)` for a statement that records `recording` per row of `rows` (see eventsOfRows), or nothing without one. */
export function recordedBy(recording: ReadEvent | undefined, rows: Prisma.Sql): Prisma.Sql {
  return recording ? Prisma.sql`WITH recorded AS (${eventsOfRows(recording.caller, recording.event, rows)})` : Prisma.empty;
}

/**
 * The events of a read, written by the read's own statement: an INSERT for its WITH clause
 * (`WITH recorded AS (${eventsOfRows(...)}) SELECT ...`), one event per row of `rows`, a
 * query with the columns resource_id (uuid, or null), traveller_id (uuid, or null), n (the
 * events' order) and one integer column per name in `counts`, added to the shared details. PostgreSQL runs a data-modifying WITH exactly once whether or not the
 * rest of the statement reads it, and the statement is its own transaction: the read and its
 * events commit together, as recordAccessEvents in the caller's transaction would have it,
 * without the interactive transaction's BEGIN, COMMIT and extra round trips that made up
 * much of a hit detail's or queue page's time. A read that finds no rows records nothing.
 *
 * Each event's content hash is computed by PostgreSQL from the template (./event-template.ts)
 * with the row's ids in its slots; a uuid's JSON is its text in quotes, so the text hashed is
 * byte for byte what contentHash() digests. The chainer links these events like any other.
 */
export function eventsOfRows(caller: Caller, shared: SharedEventInput, rows: Prisma.Sql, options: { counts?: readonly CountColumn[] } = {}): Prisma.Sql {
  const counts = options.counts ?? [];
  const { fields, text, slot } = eventTemplate(caller, shared, { resourceId: 'resource', travellerId: 'traveller', details: counts });
  let filled = Prisma.sql`replace(replace(${text}::text, ${slot('resource')}::text, coalesce('"' || r.resource_id::text || '"', 'null')),
    ${slot('traveller')}::text, coalesce('"' || r.traveller_id::text || '"', 'null'))`;
  // A count's JSON is its digits, as JSON.stringify writes an integer.
  for (const count of counts) filled = Prisma.sql`replace(${filled}, ${slot(count)}::text, coalesce(r.${Prisma.raw(`"${count}"`)}::bigint::text, 'null'))`;
  const details = counts.length === 0 ? jsonOrNull(fields.details) : Prisma.sql`(coalesce(${jsonOrNull(fields.details)}, '{}'::jsonb) || jsonb_build_object(${Prisma.join(
    counts.map((count) => Prisma.sql`${count}::text, r.${Prisma.raw(`"${count}"`)}::bigint`),
  )}))`;
  return Prisma.sql`INSERT INTO "AccessEventPending" (at, "actorType", "actorId", "actorLabel", role, operation, outcome, "resourceType",
      "resourceId", "travellerId", purpose, recipient, "requestId", ip, "userAgent", details, "contentHash")
    SELECT ${fields.at.toISOString()}::timestamptz, ${fields.actorType}::"ActorType", ${fields.actorId}::uuid, ${fields.actorLabel}::text, ${fields.role}::"Role",
           ${fields.operation}::"AccessOperation", ${fields.outcome}::"AccessOutcome", ${fields.resourceType}::text,
           r.resource_id::text, r.traveller_id::uuid, ${fields.purpose}::text, ${fields.recipient}::text, ${fields.requestId}::text,
           ${fields.ip}::text, ${fields.userAgent}::text, ${details}, encode(sha256(convert_to(${filled}, 'UTF8')), 'hex')
      FROM (${rows}) r
     ORDER BY r.n`;
}

/** A column of the rows whose integer goes into the event's details under its own name. */
export type CountColumn = string;

const jsonOrNull = (value: unknown) => Prisma.sql`${value === null ? null : JSON.stringify(value)}::jsonb`;
