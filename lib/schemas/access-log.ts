import { z } from 'zod';
import { isStorableInstant } from '@/lib/storable-values';
import { ACCESS_OPERATIONS, ACCESS_OUTCOMES, type AccessOperation } from './access-log-values';

// What the browser needs without zod is in access-log-values.ts (zod loads with a form's submit).
export * from './access-log-values';

// The access log as the privacy officer searches it: filters (lenient, like the hit
// queue's: a bad one is ignored and named), the rows the server sends, verification.

export const ACCESS_LOG_PAGE_SIZE = 100;

const isoDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/, 'Use a date like 2026-11-25 or 2026-11-25T14:30.')
  .refine(isStorableInstant, 'Not a real date.');

export const accessLogFilterFields = {
  /** A user's email (or part of it). */
  actor: z.string().trim().min(1).max(254),
  /** The person: by traveller id, booking reference or document number (the lookup is itself logged). */
  travellerId: z.uuid(),
  bookingReference: z.string().trim().min(3).max(20),
  documentNumber: z.string().trim().min(3).max(40),
  operation: z.enum(ACCESS_OPERATIONS),
  outcome: z.enum(ACCESS_OUTCOMES),
  from: isoDateTime,
  to: isoDateTime,
  purpose: z.string().trim().min(2).max(200),
  // An event's seq: a bigint column, so at most 2^63 - 1 (zod runs the refinement even when the pattern failed).
  cursor: z.string().regex(/^\d{1,19}$/, 'Not a page position.').refine((value) => /^\d+$/.test(value) && BigInt(value) <= 2n ** 63n - 1n, 'Not a page position.'),
} as const;
export type AccessLogFilterKey = keyof typeof accessLogFilterFields;

export type AccessLogQuery = Partial<{ [K in AccessLogFilterKey]: z.infer<(typeof accessLogFilterFields)[K]> }>;

const LABELS: Record<AccessLogFilterKey, string> = {
  actor: 'user',
  travellerId: 'person',
  bookingReference: 'booking reference',
  documentNumber: 'document number',
  operation: 'operation',
  outcome: 'outcome',
  from: 'from',
  to: 'to',
  purpose: 'purpose',
  cursor: 'page position',
};

/** Reads the search's URL parameters; never throws. */
export function parseAccessLogQuery(params: URLSearchParams | Record<string, string | string[] | undefined>): {
  query: AccessLogQuery;
  ignored: { key: string; message: string }[];
} {
  const get = (key: string) => {
    if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const query: Record<string, unknown> = {};
  const ignored: { key: string; message: string }[] = [];
  for (const key of Object.keys(accessLogFilterFields) as AccessLogFilterKey[]) {
    const raw = get(key);
    if (raw === undefined || raw === '') continue;
    // U+0000 fits no text column (lib/storable-values.ts): such a filter could only fail in the database.
    const parsed = raw.includes('\u0000') ? null : accessLogFilterFields[key].safeParse(raw);
    if (parsed?.success) query[key] = parsed.data;
    else ignored.push({ key, message: `The ${LABELS[key]} “${raw.slice(0, 40)}” is not valid and was ignored.` });
  }
  if (typeof query.from === 'string' && typeof query.to === 'string' && Date.parse(query.from) > Date.parse(query.to)) {
    ignored.push({ key: 'to', message: 'The time range ends before it starts; its end was ignored.' });
    delete query.to;
  }
  return { query: query as AccessLogQuery, ignored };
}

// ---- What the server sends -------------------------------------------------------------

export interface AccessEventView {
  seq: string;
  at: string;
  actorType: string;
  actorLabel: string | null;
  role: string | null;
  operation: AccessOperation;
  outcome: (typeof ACCESS_OUTCOMES)[number];
  resourceType: string;
  resourceId: string | null;
  travellerId: string | null;
  purpose: string | null;
  recipient: string | null;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
}

export interface AccessLogPage {
  items: AccessEventView[];
  /** seq to continue from (newest first), null on the last page. */
  nextCursor: string | null;
  /** When the search named a person by booking reference or document number: who was found. */
  persons: { travellerId: string; label: string }[] | null;
}

export interface ChainVerification {
  intact: boolean;
  checked: number;
  /** The last event verified (the head when intact). */
  lastSeq: string | null;
  lastAt: string | null;
  firstBroken: { seq: string; kind: 'changed' | 'deleted' | 'inserted' | 'head'; message: string } | null;
  checkpoints: { checked: number; mismatched: number };
  durationMs: number;
  eventsPerSecond: number;
}

/**
 * A verification of the whole chain, run by the server in the background: its progress while
 * RUNNING, then its result. INTERRUPTED: its server stopped before it finished.
 */
export interface ChainVerificationRun {
  id: string;
  status: 'RUNNING' | 'COMPLETED' | 'FAILED' | 'INTERRUPTED';
  startedAt: string;
  /** Who started it. */
  startedBy: string;
  checked: number;
  /** Events in the log when it started (the head's count). */
  total: number;
  finishedAt: string | null;
  result: ChainVerification | null;
  error: string | null;
}

/** Everything that happened to one traveller's data: for a data subject's access request. */
export interface PersonReport {
  person: {
    travellerId: string;
    maskedName: string;
    bookingReference: string | null;
    flightNumber: string;
    flightDate: string;
    collectedAt: string;
    maskedAt: string | null;
  };
  /** The newest page of events (newest first, as the search orders them). */
  events: AccessEventView[];
  /** Where the search continues with older events about the person (GET /api/v1/access-log?travellerId=…&cursor=…); null when `events` are all. */
  nextCursor: string | null;
  summary: { operation: string; count: number }[];
}

export const ANOMALY_RULES = {
  UNASSIGNED_CONSULTATION: {
    title: 'Hit opened by someone it was not assigned to',
    description:
      'A user opened a hit that is assigned to, or was decided by, another person. (Judged against the hit’s current assignment.)',
  },
  REVEAL_WITHOUT_DECISION: {
    title: 'Reveal not followed by a decision',
    description: 'A user revealed a masked field and made no decision on that hit (clear, confirm, escalate) within 24 hours.',
  },
  REVEAL_BURST: {
    title: 'Many reveals in one hour',
    description: 'A user revealed more masked fields within one clock hour than the configured limit (ANOMALY_REVEALS_PER_HOUR).',
  },
  OUTSIDE_WORKING_HOURS: {
    title: 'Activity outside working hours',
    description: 'A user touched personal data outside the configured working hours (WORKING_HOURS_UTC); one flag per user and day.',
  },
  MASKED_DATA_ACCESS: {
    title: 'Access to masked data',
    description: 'Data of a traveller masked under retention (older than 6 months, PNR art. 12(2)) were consulted or disclosed after masking.',
  },
  REPEATED_DENIALS: {
    title: 'Repeated refused requests',
    description: 'A user was refused at least the configured number of times (ANOMALY_DENIALS_PER_HOUR) within one clock hour.',
  },
} as const;
export type AnomalyRule = keyof typeof ANOMALY_RULES;

export interface AnomalyItem {
  /** Stable key of the flagged item within its rule (what a review marks). */
  key: string;
  actorLabel: string | null;
  at: string;
  travellerId: string | null;
  detail: string;
  review: { note: string; reviewerName: string; reviewedAt: string } | null;
}

export interface AnomalyFlag {
  rule: AnomalyRule;
  title: string;
  description: string;
  count: number;
  unreviewed: number;
  items: AnomalyItem[];
}

export const anomalyReviewSchema = z.object({
  rule: z.enum(Object.keys(ANOMALY_RULES) as [AnomalyRule, ...AnomalyRule[]], { error: 'Unknown rule.' }),
  itemKey: z.string().min(1).max(200),
  note: z.string().trim().min(5, 'Write what you found, in at least 5 characters.').max(2000),
});
