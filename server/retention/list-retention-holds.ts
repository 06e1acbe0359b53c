import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { RETENTION_HOLDS_LISTED, type RetentionHolds } from '@/lib/schemas/retention';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db } from '@/server/db';
import { dueForErasureWhere } from './erase-travellers';
import { heldWhere, holdingEscalationWhere, holdReason } from './holds';
import { readRetentionLimits } from './retention-policies';

const DAY_MS = 86_400_000;

/**
 * The records kept past their erasure date because an escalation is open, as the retention
 * job decides it (dueForErasureWhere and heldWhere), with each escalation that holds one.
 * Ids, statuses and dates only: administrators never see a traveller's data.
 */
export async function listRetentionHolds(caller: Caller, now: Date = new Date()): Promise<RetentionHolds> {
  await requirePermission(caller, 'retention.read', { type: 'retention-hold' });
  const limits = await readRetentionLimits(db());
  const held = Prisma.sql`${dueForErasureWhere(limits, now)} AND ${heldWhere(now)}`;
  // Which of a held traveller's escalations hold it: by the traveller each carries, as heldWhere finds them.
  const holding = holdingEscalationWhere(now);
  const [[counts], rows] = await Promise.all([
    db().$queryRaw<{ records: number; escalations: number }[]>`
      SELECT (SELECT count(*)::int FROM "Traveller" t WHERE ${held}) AS records,
             (SELECT count(*)::int FROM "Traveller" t JOIN "Escalation" e ON e."travellerId" = t.id
                LEFT JOIN "DisclosurePackage" p ON p."escalationId" = e.id
               WHERE ${held} AND ${holding}) AS escalations`,
    db().$queryRaw<{ escalationId: string; hitId: string; status: 'PENDING' | 'APPROVED'; since: Date; until: Date | null; collectedAt: Date }[]>`
      SELECT e.id AS "escalationId", e."hitId", e.status::text AS status, e."createdAt" AS since, p."expiresAt" AS until, t."collectedAt"
        FROM "Traveller" t JOIN "Escalation" e ON e."travellerId" = t.id
        LEFT JOIN "DisclosurePackage" p ON p."escalationId" = e.id
       WHERE ${held} AND ${holding}
       ORDER BY t."collectedAt", e."createdAt", e.id
       LIMIT ${RETENTION_HOLDS_LISTED}`,
  ]);
  return {
    heldRecords: counts?.records ?? 0,
    escalations: counts?.escalations ?? 0,
    items: rows.map((row) => ({
      escalationId: row.escalationId,
      hitId: row.hitId,
      status: row.status,
      reason: holdReason({ status: row.status, packageExpiresAt: row.until }),
      since: row.since.toISOString(),
      until: row.until?.toISOString() ?? null,
      // The general limit: a traveller with an escalation never has every hit cleared.
      erasureDueAt: new Date(row.collectedAt.getTime() + limits.eraseAfterDays * DAY_MS).toISOString(),
    })),
  };
}
