import 'server-only';
import type { DataClass } from '@/generated/prisma/client';
import { env } from '@/lib/env';
import type { Db, Tx } from '@/server/db';

// The retention limits in force, read from RetentionPolicy (editable by an administrator).
// A missing row falls back to the law's maximum, so a half-configured database never keeps
// data longer than the PNR Directive allows.

export const SIX_MONTHS_DAYS = 183;
export const FIVE_YEARS_DAYS = 1826;

export interface RetentionLimits {
  /** Identifying traveller fields masked this many days after collection (PNR art. 12(2)). */
  maskAfterDays: number;
  /** Travellers and their hits erased this many days after collection (PNR art. 12(1)). */
  eraseAfterDays: number;
  /** A traveller whose every hit was cleared as a false positive may be masked sooner. */
  clearedMaskAfterDays: number;
  /** … and erased sooner. */
  clearedEraseAfterDays: number;
  /** Access events erased this many days after they were written (LED art. 25, PNR art. 13(6)). */
  accessEventEraseAfterDays: number;
}

const DEFAULTS: RetentionLimits = {
  maskAfterDays: SIX_MONTHS_DAYS,
  eraseAfterDays: FIVE_YEARS_DAYS,
  clearedMaskAfterDays: SIX_MONTHS_DAYS,
  clearedEraseAfterDays: FIVE_YEARS_DAYS,
  accessEventEraseAfterDays: FIVE_YEARS_DAYS,
};

/** The limits in force. A policy can only shorten a limit, never lengthen it beyond the law's, nor below RETENTION_MIN_DAYS. */
export async function readRetentionLimits(client: Db | Tx): Promise<RetentionLimits> {
  const rows = await client.retentionPolicy.findMany({ select: { dataClass: true, maskAfterDays: true, eraseAfterDays: true } });
  const byClass = new Map<DataClass, (typeof rows)[number]>(rows.map((row) => [row.dataClass, row]));
  // Between the configured national minimum and the law's maximum, whatever a stored row says
  // (a row saved before RETENTION_MIN_DAYS was raised is applied at the new minimum).
  const minimum = env().RETENTION_MIN_DAYS;
  const within = (value: number | null | undefined, max: number) => (value == null ? max : Math.max(minimum, Math.min(value, max)));
  const identifying = byClass.get('TRAVELLER_IDENTIFYING');
  const record = byClass.get('TRAVELLER_RECORD');
  const cleared = byClass.get('CLEARED_HIT');
  const events = byClass.get('ACCESS_EVENT');
  const maskAfterDays = within(identifying?.maskAfterDays, DEFAULTS.maskAfterDays);
  const eraseAfterDays = within(record?.eraseAfterDays ?? identifying?.eraseAfterDays, DEFAULTS.eraseAfterDays);
  return {
    maskAfterDays,
    eraseAfterDays,
    clearedMaskAfterDays: within(cleared?.maskAfterDays, maskAfterDays),
    clearedEraseAfterDays: within(cleared?.eraseAfterDays, eraseAfterDays),
    accessEventEraseAfterDays: within(events?.eraseAfterDays, DEFAULTS.accessEventEraseAfterDays),
  };
}

/**
 * Escalation statuses that hold a traveller's data: while an escalation is pending or
 * approved (and may still be disclosed or contested) its traveller and hits are not erased.
 */
export const HOLDING_ESCALATION_STATUSES = ['PENDING', 'APPROVED'] as const;
