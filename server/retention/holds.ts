import 'server-only';
import { Prisma } from '@/generated/prisma/client';

// A hold keeps a traveller's record from erasure while an escalation about it is open: a
// supervisor's decision is pending, or it was approved and the disclosure package may
// still be opened by the recipient. Masking still happens (re-personalisation is the
// escalation's own route back); only erasure waits.

/** SQL: escalation e (with its package p, LEFT JOINed) holds its traveller. */
export function holdingEscalationWhere(now: Date): Prisma.Sql {
  return Prisma.sql`(e.status = 'PENDING' OR (e.status = 'APPROVED' AND (p.id IS NULL OR p."expiresAt" > ${now})))`;
}

/**
 * SQL: a subquery of every holding escalation's status and traveller — the rows
 * holdingEscalationWhere selects, found by index: the pending ones, the approved ones with a
 * package still open (by its expiry), and the approved ones without a package (the app makes
 * the package with the approval, so these come only from other writers: by the flag the
 * database keeps, migration 20261201100000, from an index that is empty when all is well).
 * Five years of escalations are read neither whole nor with their packages' content
 * (49,000 escalations, 1,600 holding: EXPLAIN ANALYZE 80 → 14 → 5 ms).
 */
export function holdingEscalations(now: Date): Prisma.Sql {
  return Prisma.sql`(
    SELECT e.status, e."travellerId" FROM "Escalation" e WHERE e.status = 'PENDING'
    UNION ALL
    SELECT e.status, e."travellerId" FROM "DisclosurePackage" p
      -- Looked up by id, package by package (OFFSET 0 keeps it a lookup: as a join it was
      -- planned as a read of every escalation, 30 ms for 1,547 packages).
      CROSS JOIN LATERAL (SELECT x.status, x."travellerId" FROM "Escalation" x WHERE x.id = p."escalationId" AND x.status = 'APPROVED' OFFSET 0) e
    WHERE p."expiresAt" > ${now}
    UNION ALL
    SELECT e.status, e."travellerId" FROM "Escalation" e WHERE e.status = 'APPROVED' AND NOT e."packaged")`;
}

/**
 * SQL: the traveller t is held — by the escalations that carry its id (kept from their hit by
 * a trigger, migration 20261130090000), found by index: through the hits, the retention job
 * compared each traveller with every holding escalation (2.5 s a batch of 1,000, now 2 ms).
 */
export function heldWhere(now: Date): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "Escalation" e
      LEFT JOIN "DisclosurePackage" p ON p."escalationId" = e.id
     WHERE e."travellerId" = t.id AND ${holdingEscalationWhere(now)})`;
}

/** Why one escalation holds its traveller, in words for the retention page. */
export function holdReason(escalation: { status: string; packageExpiresAt: Date | null }): string {
  if (escalation.status === 'PENDING') return 'Escalation pending a supervisor’s decision';
  const until = escalation.packageExpiresAt ? ` until ${escalation.packageExpiresAt.toISOString().slice(0, 10)}` : '';
  return `Escalation approved; the disclosure package can be opened${until}`;
}
