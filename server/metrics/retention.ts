import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { RETENTION_AGE_BANDS, type RetentionAgeBand, type RetentionMetrics } from '@/lib/schemas/metrics';
import { dueForErasureWhere } from '@/server/retention/erase-travellers';
import { heldWhere, holdingEscalations } from '@/server/retention/holds';
import { dueForMaskingWhere } from '@/server/retention/mask-travellers';
import { collectedPastLimitWhere } from '@/server/retention/past-limit';
import { HOLDING_ESCALATION_STATUSES, type RetentionLimits } from '@/server/retention/retention-policies';
import { count } from './hit-outcome-sql';
import type { MetricsRound } from './metrics-round';

type Counted = bigint | number | null;
/** A RetentionRun as JSON: its instants are strings. */
type RunRow = { startedAt: string; finishedAt: string | null; dryRun: boolean; status: RetentionMetrics['runs'][number]['status']; masked: number; erased: number; held: number; eventsErased: number };
const DAY_MS = 86_400_000;
/** The open-ended last band. */
const OLDEST: RetentionAgeBand = 'gt5y';

const HOLD_LABELS: Record<(typeof HOLDING_ESCALATION_STATUSES)[number], string> = {
  PENDING: 'Escalation waiting for a decision',
  APPROVED: 'Escalation approved; its disclosure package can still be opened',
};

/** The band of a rollup row's age since collection (RETENTION_AGE_BANDS), by day of collection (UTC). */
function bandSql(now: Date): Prisma.Sql {
  const bounded = RETENTION_AGE_BANDS.filter((band) => band.maxDays !== null);
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const whens = bounded.map((band) => Prisma.sql`WHEN r.day > ${day(new Date(now.getTime() - (band.maxDays as number) * DAY_MS))}::date THEN ${band.key}`);
  return Prisma.sql`CASE ${Prisma.join(whens, ' ')} ELSE ${OLDEST} END`;
}

/**
 * How many travellers are unmasked and past the masking limit. With one limit for all (no
 * shorter one for cleared travellers), from the retention-state rollup for the whole days
 * before the cutoff's day (its identifiable travellers are exactly the unmasked ones) and
 * the travellers of that day itself; otherwise by the rows (the limit depends on each
 * traveller's hits).
 */
function pastLimitUnmasked(limits: { maskAfterDays: number; clearedMaskAfterDays: number }, maskCutoff: Date, now: Date): Prisma.Sql {
  if (limits.clearedMaskAfterDays < limits.maskAfterDays) {
    return Prisma.sql`(SELECT count(*) FROM "Traveller" t WHERE t."maskedAt" IS NULL AND ${collectedPastLimitWhere(limits.maskAfterDays, limits.clearedMaskAfterDays, now)})`;
  }
  const cutoffDay = maskCutoff.toISOString().slice(0, 10);
  return Prisma.sql`((SELECT coalesce(sum(r.travellers), 0) FROM "RetentionStateRollup" r WHERE r.state = 'identifiable' AND r.day < ${cutoffDay}::date)
    + (SELECT count(*) FROM "Traveller" t WHERE t."maskedAt" IS NULL AND t."collectedAt" >= ${new Date(`${cutoffDay}T00:00:00Z`)} AND t."collectedAt" < ${maskCutoff}))`;
}

/**
 * Where retention stands now, against the limits in force (server/retention/retention-policies.ts):
 * identifiable and masked travellers by age, the next due dates, what is overdue (the goal is
 * always 0), what is held and why, and the last runs of the retention job (counts only).
 * Overdue is what the retention job would mask or erase if it ran now (its own predicates:
 * shorter limits for cleared travellers, holds, open disclosure packages included). The
 * limits are read first (readRetentionLimits): they shape the statements.
 */
export async function readRetention(round: MetricsRound, limits: RetentionLimits, now: Date): Promise<RetentionMetrics> {
  const maskCutoff = new Date(now.getTime() - limits.maskAfterDays * DAY_MS);
  const eraseCutoff = new Date(now.getTime() - limits.eraseAfterDays * DAY_MS);
  const [bands, due, holds, runs, erased] = await Promise.all([
    // From the retention-state rollup (migration 20261126190000), not five years of travellers.
    round.rows<{ band: RetentionAgeBand; identifiable: Counted; masked: Counted; erased: Counted }>(Prisma.sql`
      SELECT ${bandSql(now)} AS band,
        sum(r.travellers) FILTER (WHERE r.state = 'identifiable') AS identifiable,
        sum(r.travellers) FILTER (WHERE r.state = 'masked') AS masked,
        sum(r.travellers) FILTER (WHERE r.state = 'erased') AS erased
      FROM "RetentionStateRollup" r GROUP BY 1`),
    round.rows<{ nextMask: string | null; nextErase: string | null; maskOverdue: Counted; eraseOverdue: Counted }>(Prisma.sql`
      SELECT
        (SELECT min(t."collectedAt") FROM "Traveller" t WHERE t."maskedAt" IS NULL AND t."collectedAt" >= ${maskCutoff}) AS "nextMask",
        (SELECT min(t."collectedAt") FROM "Traveller" t WHERE t."collectedAt" >= ${eraseCutoff}) AS "nextErase",
        -- Overdue is exactly what the job would act on now (its own predicates), so the two never disagree.
        -- Masking: the travellers past the limit and unmasked (pastLimitUnmasked), less those of
        -- them a disclosure package still open keeps from masking — the only ones
        -- dueForMaskingWhere leaves out, looked up from the few open packages rather than
        -- anti-joined to every unmasked traveller (a backlog of 185,000 on the benchmark's data).
        ${pastLimitUnmasked(limits, maskCutoff, now)}
          - (SELECT count(DISTINCT t.id) FROM "DisclosurePackage" p
             -- Each open package's escalation looked up by id, once (OFFSET 0 keeps it a lookup:
             -- a join was planned as a read of every escalation, 53 ms; a scalar subquery in
             -- IN (…) was run twice a package, 13–17 ms; this, 9 ms on the five-year profile).
             CROSS JOIN LATERAL (SELECT e."travellerId" FROM "Escalation" e WHERE e.id = p."escalationId" OFFSET 0) e
             JOIN "Traveller" t ON t.id = e."travellerId"
             WHERE p."expiresAt" > ${now}
               AND t."maskedAt" IS NULL AND ${collectedPastLimitWhere(limits.maskAfterDays, limits.clearedMaskAfterDays, now)}
               AND NOT (${dueForMaskingWhere(limits, now)})) AS "maskOverdue",
        (SELECT count(*) FROM "Traveller" t WHERE ${dueForErasureWhere(limits, now)} AND NOT ${heldWhere(now)}) AS "eraseOverdue"`),
    // A traveller held by escalations in two statuses is counted under each; `held` counts them once.
    // The escalation carries its hit's traveller (migration 20261130090000); past the erasure
    // limit are the held ones among the few travellers that old, found by collectedAt.
    round.rows<{ status: string | null; travellers: Counted; pastLimit: Counted }>(Prisma.sql`
      SELECT e.status::text AS status, count(DISTINCT e."travellerId") AS travellers,
        count(DISTINCT e."travellerId") FILTER (WHERE e."travellerId" IN (SELECT t.id FROM "Traveller" t WHERE t."collectedAt" < ${eraseCutoff})) AS "pastLimit"
      FROM ${holdingEscalations(now)} e
      GROUP BY GROUPING SETS ((e.status), ())`),
    round.rows<RunRow>(Prisma.sql`
      SELECT r."startedAt", r."finishedAt", r."dryRun", r.status, r.masked, r.erased, r.held, r."eventsErased"
      FROM "RetentionRun" r ORDER BY r."startedAt" DESC LIMIT 10`),
    round.rows<{ erased: Counted }>(Prisma.sql`SELECT sum(r.erased) AS erased FROM "RetentionRun" r WHERE NOT r."dryRun" AND r."finishedAt" IS NOT NULL`),
  ]);
  const byBand = new Map(bands.map((row) => [row.band, row]));
  const [dueRow] = due;
  const dueDate = (collectedAt: string | null | undefined, days: number) => (collectedAt ? new Date(Date.parse(collectedAt) + days * DAY_MS).toISOString() : null);
  return {
    maskAfterDays: limits.maskAfterDays,
    eraseAfterDays: limits.eraseAfterDays,
    ageBands: RETENTION_AGE_BANDS.map((band) => ({
      band: band.key,
      label: band.label,
      identifiable: count(byBand.get(band.key)?.identifiable),
      masked: count(byBand.get(band.key)?.masked),
      erased: count(byBand.get(band.key)?.erased),
    })),
    erasedByRuns: count(erased[0]?.erased),
    nextMaskingDue: dueDate(dueRow?.nextMask, limits.maskAfterDays),
    nextErasureDue: dueDate(dueRow?.nextErase, limits.eraseAfterDays),
    overdue: { masking: count(dueRow?.maskOverdue), erasure: count(dueRow?.eraseOverdue) },
    holds: HOLDING_ESCALATION_STATUSES.map((status) => {
      const row = holds.find((hold) => hold.status === status);
      return { reason: status, label: HOLD_LABELS[status], travellers: count(row?.travellers), pastEraseLimit: count(row?.pastLimit) };
    }),
    heldTravellers: count(holds.find((hold) => hold.status === null)?.travellers),
    runs: runs.map((run) => ({
      startedAt: new Date(run.startedAt).toISOString(),
      finishedAt: run.finishedAt === null ? null : new Date(run.finishedAt).toISOString(),
      dryRun: run.dryRun,
      status: run.status,
      masked: run.masked,
      erased: run.erased,
      held: run.held,
      eventsErased: run.eventsErased,
    })),
  };
}
