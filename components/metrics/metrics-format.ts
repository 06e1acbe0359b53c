// Numbers as the metrics page shows them. Every figure has a text form: the tables are the
// charts' text alternative, so nothing may be readable from a chart alone.

const counts = new Intl.NumberFormat('en');

export function formatCount(value: number): string {
  return counts.format(value);
}

/** A share as a percentage, precise enough that a rate of 1 in 10,000 does not read as 0 %. */
export function formatRate(value: number | null): string {
  if (value === null) return '—';
  const percent = value * 100;
  if (percent === 0) return '0 %';
  const digits = percent >= 10 ? 1 : percent >= 1 ? 2 : percent >= 0.01 ? 3 : 4;
  return `${percent.toFixed(digits)} %`;
}

export function formatRatio(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(2)}×`;
}

export function formatHours(value: number | null): string {
  if (value === null) return '—';
  if (value < 1) return `${Math.round(value * 60)} min`;
  return `${value.toFixed(1)} h`;
}

export function formatDecimal(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}

/** An instant as a UTC day (the page's unit), e.g. 2026-11-25. */
export function formatDay(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '—';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A bucket's name for its granularity: the day, "week of" its Monday, or the month. */
export function formatBucket(bucket: string, granularity: 'day' | 'week' | 'month'): string {
  if (granularity === 'month') return `${MONTHS[Number(bucket.slice(5, 7)) - 1]} ${bucket.slice(0, 4)}`;
  if (granularity === 'week') return `Week of ${bucket}`;
  return bucket;
}

/** A bucket column's header. */
export function bucketHeader(granularity: 'day' | 'week' | 'month'): string {
  return { day: 'Day', week: 'Week', month: 'Month' }[granularity];
}
