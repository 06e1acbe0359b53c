import { z } from 'zod';
import { isStorableInstant } from '@/lib/storable-values';
import { ACCESS_EVENT_FIXED_REASON } from './retention-values';

// What the browser needs without zod is in retention-values.ts (zod loads with a form's submit).
export * from './retention-values';

// Retention administration (issue 8): the policies an administrator may shorten, the runs of
// the retention job and the records an open escalation holds. The bounds a policy must keep
// (the law's maxima and the configured legal minimum) come from the server, in the policies
// answer, so the form and the route check against the same numbers.

export const DATA_CLASSES = ['TRAVELLER_IDENTIFYING', 'TRAVELLER_RECORD', 'CLEARED_HIT', 'ACCESS_EVENT'] as const;
export type RetentionDataClass = (typeof DATA_CLASSES)[number];
export const dataClassSchema = z.enum(DATA_CLASSES);

export type RetentionPolicyField = 'maskAfterDays' | 'eraseAfterDays';

/**
 * The limits of each class that the retention job actually reads (readRetentionLimits in
 * server/retention/retention-policies.ts): only these are offered. The identifying class is
 * erased with the record, the record's identifying fields are masked by the identifying
 * class, and the access log is kept for five years by law.
 */
export const EDITABLE_FIELDS: Readonly<Record<RetentionDataClass, readonly RetentionPolicyField[]>> = {
  TRAVELLER_IDENTIFYING: ['maskAfterDays'],
  TRAVELLER_RECORD: ['eraseAfterDays'],
  CLEARED_HIT: ['maskAfterDays', 'eraseAfterDays'],
  ACCESS_EVENT: [],
};

/** Blank is allowed only where a class falls back on the general limit. */
const BLANK_ALLOWED: Readonly<Record<RetentionDataClass, readonly RetentionPolicyField[]>> = {
  TRAVELLER_IDENTIFYING: [],
  TRAVELLER_RECORD: [],
  CLEARED_HIT: ['maskAfterDays', 'eraseAfterDays'],
  ACCESS_EVENT: [],
};

export interface RetentionBounds {
  /** RETENTION_MIN_DAYS: no policy masks or erases sooner than this after collection. */
  minDays: number;
  /** PNR Directive art. 12(2): identifying data masked after 6 months at the latest. */
  maxMaskDays: number;
  /** PNR Directive art. 12(1): data erased after 5 years at the latest. */
  maxEraseDays: number;
}

function days(bounds: RetentionBounds, field: RetentionPolicyField) {
  const [max, doing, law] =
    field === 'maskAfterDays' ? [bounds.maxMaskDays, 'mask', 'PNR Directive art. 12(2)'] : [bounds.maxEraseDays, 'erase', 'PNR Directive art. 12(1)'];
  return z
    .number({ error: 'Enter a whole number of days.' })
    .int('Whole days only.')
    .min(bounds.minDays, `At least ${bounds.minDays} days: no policy may ${doing} sooner after collection (the configured legal minimum).`)
    .max(max, `At most ${max} days: the law’s maximum (${law}).`);
}

/**
 * An edit of one class's policy: only the limits that class has, each within the bounds, an
 * erasure after the masking, and the `updatedAt` the form was opened with (a stale edit is
 * refused). The server checks again, with the limits of the other classes, inside its transaction.
 */
export function retentionPolicyUpdateSchema(dataClass: RetentionDataClass, bounds: RetentionBounds) {
  const field = (name: RetentionPolicyField) => {
    if (!EDITABLE_FIELDS[dataClass].includes(name)) return z.never({ error: 'This limit does not apply to this data class.' }).optional();
    const value = days(bounds, name);
    return BLANK_ALLOWED[dataClass].includes(name) ? value.nullable() : value;
  };
  return z
    .strictObject({
      maskAfterDays: field('maskAfterDays'),
      eraseAfterDays: field('eraseAfterDays'),
      updatedAt: z.iso.datetime({ error: 'The policy’s version is missing; reload the page.' }).refine(isStorableInstant, 'The policy’s version is missing; reload the page.'),
    })
    .refine(() => dataClass !== 'ACCESS_EVENT', { message: ACCESS_EVENT_FIXED_REASON })
    .refine(({ maskAfterDays, eraseAfterDays }) => typeof maskAfterDays !== 'number' || typeof eraseAfterDays !== 'number' || eraseAfterDays > maskAfterDays, {
      message: 'Erasure must come after masking: erase after more days than the data are masked after.',
      path: ['eraseAfterDays'],
    });
}
export type RetentionPolicyUpdate = z.infer<ReturnType<typeof retentionPolicyUpdateSchema>>;

export const startRetentionRunSchema = z.strictObject({ dryRun: z.boolean({ error: 'Say whether this is a dry run (true or false).' }) });
export type StartRetentionRunInput = z.infer<typeof startRetentionRunSchema>;

export interface RetentionPolicyView {
  dataClass: RetentionDataClass;
  /** False when the seed never wrote this class: the law's maximum applies and nothing can be edited. */
  configured: boolean;
  maskAfterDays: number | null;
  eraseAfterDays: number | null;
  legalBasis: string | null;
  /** The limits an administrator may change (EDITABLE_FIELDS, when configured). */
  editable: RetentionPolicyField[];
  /** What the retention job applies for this class now, after the law's caps and fallbacks. */
  inForce: { maskAfterDays: number | null; eraseAfterDays: number | null };
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface RetentionPolicies {
  items: RetentionPolicyView[];
  bounds: RetentionBounds;
}

/** What a running run is doing: counting (a dry run, or the held records at the end) or a phase of its batches. */
export type RetentionRunPhase = 'counting' | 'erasure' | 'masking' | 'suppressions' | 'idempotency-keys' | 'access-events';

export interface RetentionRunView {
  id: string;
  startedAt: string;
  /** The scheduled job ("retention job") or the administrator who started it; null for runs before this was kept. */
  startedBy: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  dryRun: boolean;
  /** RUNNING, COMPLETED, FAILED, STOPPED (by an administrator), or INTERRUPTED (its server stopped in the middle). */
  status: string;
  /** While RUNNING: what it is doing now. */
  phase: RetentionRunPhase | null;
  masked: number;
  erased: number;
  held: number;
  /** Cleared-hit memories erased with the data they rested on (or, in a dry run, due). */
  suppressionsErased: number;
  eventsErased: number;
  error: string | null;
  /** When an administrator asked it to stop, and who (it stops before its next batch). */
  stopRequestedAt: string | null;
  stopRequestedBy: string | null;
}

/** One escalation keeping a record past its erasure date. Ids and dates only: never the traveller's data. */
export interface RetentionHoldView {
  escalationId: string;
  hitId: string;
  status: 'PENDING' | 'APPROVED';
  reason: string;
  /** When the escalation was requested: the hold began then. */
  since: string;
  /** When the approved package stops opening; null while pending (the decision ends it). */
  until: string | null;
  /** When the record would have been erased without the hold. */
  erasureDueAt: string;
}

export interface RetentionHolds {
  items: RetentionHoldView[];
  /** Records (travellers) past their erasure date and held: the retention job's `held`. */
  heldRecords: number;
  /** Escalations holding them; `items` lists the first RETENTION_HOLDS_LISTED. */
  escalations: number;
}

export const RETENTION_HOLDS_LISTED = 200;
export const RETENTION_RUNS_LISTED = 20;
