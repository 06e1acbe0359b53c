import 'server-only';
import type { MetricsGranularity, MetricsQuery } from '@/lib/schemas/metrics';

// Periods are whole UTC days: the unit works across time zones, and a day's figures must
// not change with the reader's. A bucket is named by its first day (weeks start on Monday,
// as PostgreSQL's date_trunc('week') does).

const DAY_MS = 86_400_000;

export interface PeriodBounds {
  /** First instant of `from`. */
  start: Date;
  /** First instant after `to` (exclusive). */
  end: Date;
  unit: MetricsGranularity;
}

export function periodBounds(query: Pick<MetricsQuery, 'from' | 'to' | 'granularity'>): PeriodBounds {
  return {
    start: new Date(`${query.from}T00:00:00Z`),
    end: new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS),
    unit: query.granularity,
  };
}

/** The first day of the bucket holding `day` (YYYY-MM-DD). */
export function bucketOf(day: string, unit: MetricsGranularity): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (unit === 'month') return `${day.slice(0, 7)}-01`;
  if (unit === 'week') return new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
  return day;
}

/** Every bucket of the period in order, so a chart shows the quiet days as 0 rather than skipping them. */
export function periodBuckets(query: Pick<MetricsQuery, 'from' | 'to' | 'granularity'>): string[] {
  const buckets: string[] = [];
  const last = Date.parse(`${query.to}T00:00:00Z`);
  for (let time = Date.parse(`${query.from}T00:00:00Z`); time <= last; time += DAY_MS) {
    const bucket = bucketOf(new Date(time).toISOString().slice(0, 10), query.granularity);
    if (buckets.at(-1) !== bucket) buckets.push(bucket);
  }
  return buckets;
}

/** Rows keyed by bucket, spread over every bucket of the period (a missing one gets `empty`). */
export function fillBuckets<T>(buckets: readonly string[], rows: ReadonlyMap<string, T>, empty: () => T): { bucket: string; value: T }[] {
  return buckets.map((bucket) => ({ bucket, value: rows.get(bucket) ?? empty() }));
}

/** The first and last day (YYYY-MM-DD) of the period, for the daily rollups' `day` column. */
export function periodDays({ start, end }: Pick<PeriodBounds, 'start' | 'end'>): { firstDay: string; lastDay: string } {
  return { firstDay: start.toISOString().slice(0, 10), lastDay: new Date(end.getTime() - 1).toISOString().slice(0, 10) };
}

/**
 * The last day (UTC, YYYY-MM-DD) whose reveals can all be judged at `now`: the day before
 * yesterday, whose last reveal is more than 24 hours old once today has begun. Yesterday's
 * reveals wait for tomorrow, so a figure does not change from hour to hour.
 */
export function judgedThrough(now: Date): string {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - 2 * DAY_MS).toISOString().slice(0, 10);
}
