import 'server-only';
import { env } from '@/lib/env';
import { DATA_CLASSES, EDITABLE_FIELDS, type RetentionBounds, type RetentionDataClass, type RetentionPolicies, type RetentionPolicyView } from '@/lib/schemas/retention';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { db, type Db, type Tx } from '@/server/db';
import { FIVE_YEARS_DAYS, readRetentionLimits, SIX_MONTHS_DAYS, type RetentionLimits } from './retention-policies';

/** The bounds every policy keeps: the law's maxima and the configured legal minimum (RETENTION_MIN_DAYS). */
export function retentionBounds(): RetentionBounds {
  return { minDays: env().RETENTION_MIN_DAYS, maxMaskDays: SIX_MONTHS_DAYS, maxEraseDays: FIVE_YEARS_DAYS };
}

/** What the retention job applies to each class now (the same reading the job makes). */
export function inForce(dataClass: RetentionDataClass, limits: RetentionLimits): RetentionPolicyView['inForce'] {
  switch (dataClass) {
    case 'TRAVELLER_IDENTIFYING':
      return { maskAfterDays: limits.maskAfterDays, eraseAfterDays: limits.eraseAfterDays };
    case 'TRAVELLER_RECORD':
      return { maskAfterDays: null, eraseAfterDays: limits.eraseAfterDays };
    case 'CLEARED_HIT':
      return { maskAfterDays: limits.clearedMaskAfterDays, eraseAfterDays: limits.clearedEraseAfterDays };
    case 'ACCESS_EVENT':
      return { maskAfterDays: null, eraseAfterDays: limits.accessEventEraseAfterDays };
  }
}

export const policySelect = {
  id: true,
  dataClass: true,
  maskAfterDays: true,
  eraseAfterDays: true,
  legalBasis: true,
  updatedAt: true,
  updatedBy: { select: { name: true } },
} as const;

/** The four classes in a fixed order, each with its stored and its applied limits. */
export async function readPolicyViews(client: Db | Tx): Promise<RetentionPolicyView[]> {
  // One after the other: `client` may be a transaction, whose queries share one connection.
  const rows = await client.retentionPolicy.findMany({ select: policySelect });
  const limits = await readRetentionLimits(client);
  const byClass = new Map(rows.map((row) => [row.dataClass as RetentionDataClass, row]));
  return DATA_CLASSES.map((dataClass) => {
    const row = byClass.get(dataClass);
    return {
      dataClass,
      configured: row !== undefined,
      maskAfterDays: row?.maskAfterDays ?? null,
      eraseAfterDays: row?.eraseAfterDays ?? null,
      legalBasis: row?.legalBasis ?? null,
      editable: row ? [...EDITABLE_FIELDS[dataClass]] : [],
      inForce: inForce(dataClass, limits),
      updatedAt: row?.updatedAt.toISOString() ?? null,
      updatedBy: row?.updatedBy?.name ?? null,
    };
  });
}

/** The retention policies with the bounds an edit must keep; readers of retention (administrators, privacy officers). */
export async function listRetentionPolicies(caller: Caller): Promise<RetentionPolicies> {
  await requirePermission(caller, 'retention.read', { type: 'retention-policy' });
  return { items: await readPolicyViews(db()), bounds: retentionBounds() };
}
