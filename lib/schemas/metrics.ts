import { z } from 'zod';
import { isStorableDate } from '@/lib/storable-values';
import { DAY_MS, DEFAULT_MIN_GROUP_DECIDED, DEFAULT_MIN_GROUP_TRAVELLERS, METRICS_GRANULARITIES, type FunnelStage } from './metrics-values';

// The constants and URL helpers the browser needs without zod are in metrics-values.ts.
export * from './metrics-values';

// The metrics resource: the period a reader chooses, and the figures the server sends.
// Shared by the /metrics page, the route handlers under app/api/v1/metrics and server/metrics.
// Every figure is a count or a rate over many travellers: nothing here names a person.


/** The longest period at all (the 5-year retention limit plus a leap day), and the longest shown by day. */
export const MAX_PERIOD_DAYS = 1827;
export const MAX_DAILY_PERIOD_DAYS = 366;

/** A group's rate beyond this many times the overall rate is flagged; so is one below the lower ratio. */
export const DISPARITY_HIGH_RATIO = 1.25;
export const DISPARITY_LOW_RATIO = 0.8;

/** ETIAS-style manual verification deadline a hit's review is measured against (Hit.dueAt). */
export const REVIEW_DEADLINE_HOURS = 12;


const isoDate = z
  .string({ error: 'Enter a date.' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-25.')
  .refine(isStorableDate, 'Not a real date.');

const minCount = z.coerce.number({ error: 'Enter a whole number.' }).int('Enter a whole number.').min(1, 'At least 1.').max(1_000_000, 'At most 1,000,000.');

/** Days from `from` to `to`, both included. */
export function periodDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

// A bounded, ordered period is required: an open or inverted range is refused with its reason,
// never guessed (issue 8, "Bad input").
export const metricsQuerySchema = z
  .object({
    from: isoDate,
    to: isoDate,
    granularity: z.enum(METRICS_GRANULARITIES, { error: 'Choose day, week or month.' }).default('day'),
    minTravellers: minCount.default(DEFAULT_MIN_GROUP_TRAVELLERS),
    minDecided: minCount.default(DEFAULT_MIN_GROUP_DECIDED),
  })
  .superRefine((query, context) => {
    const days = periodDays(query.from, query.to);
    if (days < 1) context.addIssue({ code: 'custom', path: ['to'], message: 'The period ends before it starts: choose an end on or after the start.' });
    else if (days > MAX_PERIOD_DAYS) context.addIssue({ code: 'custom', path: ['to'], message: `Choose a period of at most ${MAX_PERIOD_DAYS} days (five years).` });
    else if (query.granularity === 'day' && days > MAX_DAILY_PERIOD_DAYS) {
      context.addIssue({ code: 'custom', path: ['granularity'], message: 'A period longer than a year is shown by week or month.' });
    }
  });

export type MetricsQuery = z.infer<typeof metricsQuerySchema>;
/** What arrives from a URL or a form: strings, some missing. */
export type MetricsQueryInput = Partial<Record<keyof MetricsQuery, string | number | undefined>>;


/** The query parameters of a URL as the schema's input (first value of each). */
export function metricsInputFromParams(params: URLSearchParams | Record<string, string | string[] | undefined>): MetricsQueryInput {
  const get = (key: keyof MetricsQuery) => {
    if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const input: MetricsQueryInput = {};
  for (const key of ['from', 'to', 'granularity', 'minTravellers', 'minDecided'] as const) {
    const value = get(key);
    if (value !== undefined && value !== '') input[key] = value;
  }
  return input;
}

// ---- The funnel ---------------------------------------------------------------------------

export type FunnelCounts = Record<FunnelStage, number>;
/** Each stage's share of its base stage; null where the base is 0. */
export type FunnelRates = Record<Exclude<FunnelStage, 'screened'>, number | null>;

export interface FunnelBucket {
  /** First day of the bucket (UTC): the day, the Monday of the week, or the first of the month. */
  bucket: string;
  counts: FunnelCounts;
  rates: FunnelRates;
}

// ---- What the server sends --------------------------------------------------------------

export interface FalsePositiveRow {
  key: string;
  label: string;
  hits: number;
  /** Cleared, confirmed or escalated by a person. */
  decided: number;
  cleared: number;
  /** cleared / decided; null when nothing was decided. */
  falsePositiveRate: number | null;
}

export interface ReviewTimeRow {
  bucket: string;
  decided: number;
  medianHours: number | null;
  p90Hours: number | null;
  pastDeadline: number;
  pastDeadlineShare: number | null;
}

export const QUEUE_AGE_BANDS = [
  { key: 'lt1h', label: 'Under 1 hour', maxHours: 1 },
  { key: '1to6h', label: '1–6 hours', maxHours: 6 },
  { key: '6to12h', label: '6–12 hours', maxHours: 12 },
  { key: '12to24h', label: '12–24 hours', maxHours: 24 },
  { key: '1to3d', label: '1–3 days', maxHours: 72 },
  { key: 'gt3d', label: 'Over 3 days', maxHours: null },
] as const;
export type QueueAgeBand = (typeof QUEUE_AGE_BANDS)[number]['key'];

export interface QueueAgeRow {
  band: QueueAgeBand;
  label: string;
  open: number;
  /** Of those, past their 12-hour deadline (Hit.dueAt). */
  pastDeadline: number;
}

export interface IntrusionBucket {
  bucket: string;
  reveals: number;
  decided: number;
  revealsPerDecidedHit: number | null;
}

export interface IntrusionMetrics {
  buckets: IntrusionBucket[];
  totals: {
    reveals: number;
    decided: number;
    revealsPerDecidedHit: number | null;
    /** Reveals made through the day before yesterday (UTC), all older than 24 hours: only those can be judged "not followed by a decision". */
    judgedReveals: number;
    revealsWithoutDecision: number;
    shareWithoutDecision: number | null;
  };
  repersonalisations: { requested: number; approved: number; awaitingReview: number };
}

export type DisparityFlag = 'higher' | 'lower' | 'within' | 'too-few' | 'no-baseline';

export interface DisparityRow {
  /** ISO 3166 alpha-3, or null where the nationality is unknown. */
  nationality: string | null;
  travellers: number;
  travellersWithHit: number;
  hitRate: number | null;
  hitRateRatio: number | null;
  hitRateFlag: DisparityFlag;
  decided: number;
  cleared: number;
  falsePositiveRate: number | null;
  falsePositiveRatio: number | null;
  falsePositiveFlag: DisparityFlag;
}

export interface DisparityMetrics {
  minTravellers: number;
  minDecided: number;
  highRatio: number;
  lowRatio: number;
  overall: { travellers: number; travellersWithHit: number; hitRate: number | null; decided: number; cleared: number; falsePositiveRate: number | null };
  groups: DisparityRow[];
}

export const RETENTION_AGE_BANDS = [
  { key: 'lt3m', label: 'Under 3 months', maxDays: 91 },
  { key: '3to6m', label: '3–6 months', maxDays: 183 },
  { key: '6to12m', label: '6–12 months', maxDays: 365 },
  { key: '1to2y', label: '1–2 years', maxDays: 730 },
  { key: '2to5y', label: '2–5 years', maxDays: 1826 },
  { key: 'gt5y', label: 'Over 5 years', maxDays: null },
] as const;
export type RetentionAgeBand = (typeof RETENTION_AGE_BANDS)[number]['key'];

export interface RetentionRunRow {
  startedAt: string;
  finishedAt: string | null;
  dryRun: boolean;
  status: string;
  masked: number;
  erased: number;
  held: number;
  eventsErased: number;
}

export interface RetentionMetrics {
  maskAfterDays: number;
  eraseAfterDays: number;
  /** Travellers by age since collection: still identifiable, masked, and erased by retention (counted when erased). */
  ageBands: { band: RetentionAgeBand; label: string; identifiable: number; masked: number; erased: number }[];
  /** Travellers erased by completed (not dry) retention runs, as the runs counted them. */
  erasedByRuns: number;
  nextMaskingDue: string | null;
  nextErasureDue: string | null;
  overdue: { masking: number; erasure: number };
  holds: { reason: string; label: string; travellers: number; pastEraseLimit: number }[];
  heldTravellers: number;
  runs: RetentionRunRow[];
}

export interface MetricsReport {
  period: Pick<MetricsQuery, 'from' | 'to' | 'granularity'>;
  generatedAt: string;
  funnel: { buckets: FunnelBucket[]; totals: FunnelCounts; rates: FunnelRates };
  falsePositives: { bySource: FalsePositiveRow[]; byCategory: FalsePositiveRow[] };
  reviewTime: { deadlineHours: number; overall: ReviewTimeRow; buckets: ReviewTimeRow[]; queueAge: QueueAgeRow[] };
  intrusion: IntrusionMetrics;
  disparity: DisparityMetrics;
  retention: RetentionMetrics;
}

/** PNR Directive art. 20: the statistics a unit sends the Commission each year. */
export interface PnrStatistics {
  period: { from: string; to: string };
  generatedAt: string;
  passengersCollected: number;
  passengersIdentifiedForFurtherExamination: number;
  passengersForwarded: number;
  definitions: Record<'passengersCollected' | 'passengersIdentifiedForFurtherExamination' | 'passengersForwarded', string>;
}

// ---- Exports ----------------------------------------------------------------------------

export const METRICS_CHARTS = {
  funnel: 'Funnel per period',
  'false-positives-by-source': 'False-positive rate per watchlist',
  'false-positives-by-category': 'False-positive rate per offence category',
  'review-time': 'Review time',
  'queue-age': 'Pending queue age',
  intrusion: 'Intrusion',
  disparity: 'Disparity by nationality',
  'retention-age': 'Travellers by age',
  'retention-holds': 'Retention holds',
  'retention-runs': 'Retention runs',
} as const;
export type MetricsChart = keyof typeof METRICS_CHARTS;
export const metricsChartSchema = z.enum(Object.keys(METRICS_CHARTS) as [MetricsChart, ...MetricsChart[]], { error: 'Unknown chart.' });
export const metricsFileFormatSchema = z.enum(['csv', 'json'], { error: 'Choose csv or json.' }).default('csv');
