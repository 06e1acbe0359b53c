// The metrics resource's constants and URL helpers, without zod: what the /metrics page's browser code
// needs (zod is 30 KB gzipped; the page validates a period with it only when the reader changes it,
// loading lib/schemas/metrics.ts then). metrics.ts re-exports all of it.
import type { MetricsQuery } from './metrics';

export const DAY_MS = 86_400_000;

export const METRICS_GRANULARITIES = ['day', 'week', 'month'] as const;
export type MetricsGranularity = (typeof METRICS_GRANULARITIES)[number];

/** Disparity is judged only for groups at least this large (overridable per request). */
export const DEFAULT_MIN_GROUP_TRAVELLERS = 30;
export const DEFAULT_MIN_GROUP_DECIDED = 20;

export const METRICS_PRESETS = {
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '12m': 'Last 12 months',
} as const;
export type MetricsPreset = keyof typeof METRICS_PRESETS;

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** A preset period ending today (UTC), with the granularity that reads best for it. */
export function presetQuery(preset: MetricsPreset, today: Date = new Date()): Pick<MetricsQuery, 'from' | 'to' | 'granularity'> {
  const to = isoDay(today.getTime());
  if (preset === '7d') return { from: isoDay(today.getTime() - 6 * DAY_MS), to, granularity: 'day' };
  if (preset === '30d') return { from: isoDay(today.getTime() - 29 * DAY_MS), to, granularity: 'day' };
  const start = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate() + 1));
  return { from: isoDay(start.getTime()), to, granularity: 'month' };
}

/** The query's URL parameters; the disparity minimums only when they differ from the defaults. */
export function metricsQueryToParams(query: MetricsQuery): URLSearchParams {
  const params = new URLSearchParams({ from: query.from, to: query.to, granularity: query.granularity });
  if (query.minTravellers !== DEFAULT_MIN_GROUP_TRAVELLERS) params.set('minTravellers', String(query.minTravellers));
  if (query.minDecided !== DEFAULT_MIN_GROUP_DECIDED) params.set('minDecided', String(query.minDecided));
  return params;
}

/** Stages in order; each stage's rate is taken against `base`. */
export const FUNNEL_STAGES = [
  { key: 'screened', label: 'Travellers screened', base: null },
  { key: 'hits', label: 'Hits', base: 'screened' },
  { key: 'reviewed', label: 'Reviewed', base: 'hits' },
  { key: 'cleared', label: 'Cleared (false positive)', base: 'reviewed' },
  { key: 'confirmed', label: 'Confirmed', base: 'reviewed' },
  { key: 'escalationRequested', label: 'Escalation requested', base: 'confirmed' },
  { key: 'approved', label: 'Escalation approved', base: 'escalationRequested' },
  { key: 'disclosed', label: 'Disclosed', base: 'approved' },
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number]['key'];
