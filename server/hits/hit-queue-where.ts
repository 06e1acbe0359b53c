import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { HitQuery } from '@/lib/schemas/hit';

// The open-queue predicate is written out literally (not as parameters) so PostgreSQL
// matches it to the partial indexes on open hits declared in schema.prisma.
export const OPEN_HITS_SQL = Prisma.raw(`h.status IN ('NEW', 'IN_REVIEW', 'ESCALATION_PENDING')`);

/** The WHERE conditions of a queue query; `h` is the Hit alias. */
export function hitQueueWhere(query: HitQuery, userId: string | null): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (query.status === 'open') conditions.push(OPEN_HITS_SQL);
  else if (query.status !== 'all') conditions.push(Prisma.sql`h.status = ${query.status}::"HitStatus"`);
  if (query.source) conditions.push(Prisma.sql`h."sourceId" = (SELECT id FROM "WatchlistSource" WHERE code = ${query.source})`);
  if (query.offence) conditions.push(Prisma.sql`h."offenceCategory" = ${query.offence}`);
  if (query.scoreMin !== undefined) conditions.push(Prisma.sql`h.score >= ${query.scoreMin}`);
  if (query.scoreMax !== undefined) conditions.push(Prisma.sql`h.score <= ${query.scoreMax}`);
  if (query.flightFrom) conditions.push(Prisma.sql`h."flightDate" >= ${query.flightFrom}::date`);
  if (query.flightTo) conditions.push(Prisma.sql`h."flightDate" <= ${query.flightTo}::date`);
  if (query.assignee === 'me') conditions.push(userId ? Prisma.sql`h."assigneeId" = ${userId}::uuid` : Prisma.sql`FALSE`);
  if (query.assignee === 'unassigned') conditions.push(Prisma.sql`h."assigneeId" IS NULL`);
  if (query.overdue === true) conditions.push(Prisma.sql`h."dueAt" < now()`);
  if (query.overdue === false) conditions.push(Prisma.sql`h."dueAt" >= now()`);
  if (conditions.length === 0) conditions.push(Prisma.sql`TRUE`);
  return conditions;
}
