import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { MetricsGranularity } from '@/lib/schemas/metrics';
import { periodDays, type PeriodBounds } from './period';

// A period's rows of a daily rollup, read mostly from its weekly sums (migration
// 20261130100000): whole weeks from the weekly table, plus their days' differences not yet
// merged (the weekly table holds only what compaction merged), and every other day of the
// period from the daily table. A year by week is about 52 rows per key instead of 365.

const DAY_MS = 86_400_000;

/** A daily rollup and its weekly sums; `columns` are the rest of both tables' columns, quoted. */
export interface RollupLevels {
  daily: 'HitDailyRollup' | 'TravellerDailyRollup' | 'HitReviewTimeRollup';
  weekly: 'HitWeeklyRollup' | 'TravellerWeeklyRollup' | 'HitReviewTimeWeeklyRollup';
  columns: readonly string[];
}

const day = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * Which weeks (their Mondays) the period reads whole, and which days one by one. A week is read
 * whole when all its days are in the period and, when the figures are bucketed, in one bucket:
 * never by day, and by month only when the week does not straddle two months.
 */
export function splitPeriod(firstDay: string, lastDay: string, unit: MetricsGranularity | null): { weeks: string[]; days: string[] } {
  const weeks: string[] = [];
  const days: string[] = [];
  const first = Date.parse(`${firstDay}T00:00:00Z`);
  const last = Date.parse(`${lastDay}T00:00:00Z`);
  for (let time = first; time <= last; ) {
    const weekday = (new Date(time).getUTCDay() + 6) % 7; // Monday 0
    const sunday = time + 6 * DAY_MS;
    const whole = weekday === 0 && sunday <= last && unit !== 'day' && (unit !== 'month' || day(time).slice(0, 7) === day(sunday).slice(0, 7));
    if (whole) {
      weeks.push(day(time));
      time += 7 * DAY_MS;
    } else {
      days.push(day(time));
      time += DAY_MS;
    }
  }
  return { weeks, days };
}

/**
 * A subquery with the daily table's shape (`day` and the columns) holding the period's rows:
 * use it as `FROM ${rollupSource(…)} r` and sum as over the daily table. Summed by bucket, a
 * week row counts under its Monday, which is in the same bucket as each of its days.
 */
export function rollupSource(levels: RollupLevels, bounds: PeriodBounds, bucketed: boolean): Prisma.Sql {
  const { firstDay, lastDay } = periodDays(bounds);
  const { weeks, days } = splitPeriod(firstDay, lastDay, bucketed ? bounds.unit : null);
  const columns = Prisma.raw(levels.columns.join(', '));
  const daily = Prisma.raw(`"${levels.daily}"`);
  const weekly = Prisma.raw(`"${levels.weekly}"`);
  return Prisma.sql`(
    SELECT week AS day, ${columns} FROM ${weekly} WHERE week = ANY (${weeks}::date[])
    UNION ALL
    SELECT day, ${columns} FROM ${daily} WHERE day = ANY (${days}::date[])
    UNION ALL
    SELECT day, ${columns} FROM ${daily}
    WHERE NOT merged AND day >= ${firstDay}::date AND day <= ${lastDay}::date
      AND date_trunc('week', day::timestamp)::date = ANY (${weeks}::date[]))`;
}

export const HIT_LEVELS: RollupLevels = {
  daily: 'HitDailyRollup',
  weekly: 'HitWeeklyRollup',
  columns: ['"sourceId"', '"offenceCategory"', 'hits', 'cleared', 'confirmed', '"escalationPending"', 'escalated'],
};

export const TRAVELLER_LEVELS: RollupLevels = {
  daily: 'TravellerDailyRollup',
  weekly: 'TravellerWeeklyRollup',
  columns: ['nationality', 'screened', 'travellers', '"withHit"', '"decidedHits"', '"clearedHits"'],
};

export const REVIEW_TIME_LEVELS: RollupLevels = {
  daily: 'HitReviewTimeRollup',
  weekly: 'HitReviewTimeWeeklyRollup',
  columns: ['bucket', 'decided', '"pastDeadline"', '"totalMs"'],
};
