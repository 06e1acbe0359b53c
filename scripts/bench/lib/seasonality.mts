// When things happen in a generated data set: a span of whole days ending now, each day
// weighted by air-travel seasonality (a summer peak, Christmas and New Year, Easter and the
// autumn holidays, busier Fridays and Sundays, a little growth from year to year), and the
// inverse of its cumulative distribution, so that a uniform random number becomes a moment
// in the span as often as travel happens then. Hits (scale-sql.mts, through width_bucket()
// over `lowerBounds`), access events (access-log-data.mts) and the travellers screened per
// day (screening-batches.mts) all follow the same curve.

export const DAY_MS = 86_400_000;

export interface Timeline {
  /** Start of the first slot (now − days × 24 h) and the end of the last (now), in ms. */
  startMs: number;
  endMs: number;
  days: number;
  /** Weight of each 24-hour slot, mean 1 over the span (all 1 when not seasonal). */
  weights: Float64Array;
  /** Share of the span's traffic before slot i (lowerBounds[0] = 0), ascending: width_bucket()'s thresholds. */
  lowerBounds: number[];
}

const dayOfYear = (ms: number) => {
  const date = new Date(ms);
  return (ms - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY_MS;
};
/** Circular distance in days between two days of the year. */
const apart = (a: number, b: number) => {
  const d = Math.abs(a - b) % 365.25;
  return Math.min(d, 365.25 - d);
};
const bump = (doy: number, centre: number, width: number) => Math.exp(-((apart(doy, centre) / width) ** 2));
// Monday .. Sunday as Date.getUTCDay() numbers them (0 = Sunday).
const WEEKDAY = [1.06, 0.99, 0.93, 0.93, 0.99, 1.08, 0.97];

/** Relative traffic at a moment: 1 is an ordinary day; the summer peak is about 1.45× the winter low. */
export function seasonalWeight(ms: number, growthPerYear = 0.03, endMs = ms): number {
  const doy = dayOfYear(ms);
  const season = 0.82 + 0.38 * bump(doy, 205, 38) + 0.22 * bump(doy, 358, 8) + 0.1 * bump(doy, 100, 9) + 0.06 * bump(doy, 300, 6);
  const years = (ms - endMs) / (365.25 * DAY_MS); // ≤ 0: earlier years carried a little less traffic
  return season * (WEEKDAY[new Date(ms).getUTCDay()] as number) * (1 + growthPerYear) ** years;
}

/** `days` 24-hour slots ending at `endMs`, weighted by season when `seasonal`. */
export function timeline(endMs: number, days: number, seasonal: boolean): Timeline {
  if (!Number.isInteger(days) || days < 1) throw new Error(`timeline: days must be a positive integer, got ${days}`);
  const startMs = endMs - days * DAY_MS;
  const weights = new Float64Array(days);
  for (let i = 0; i < days; i += 1) weights[i] = seasonal ? seasonalWeight(startMs + (i + 0.5) * DAY_MS, 0.03, endMs) : 1;
  const total = weights.reduce((sum, w) => sum + w, 0);
  const lowerBounds: number[] = [];
  let cumulative = 0;
  for (let i = 0; i < days; i += 1) {
    weights[i] = ((weights[i] as number) * days) / total;
    lowerBounds.push(cumulative / days);
    cumulative += weights[i] as number;
  }
  return { startMs, endMs, days, weights, lowerBounds };
}

/** The moment at a share `fraction` (0..1) of the span's traffic: linear within a slot. */
export function timeAt(line: Timeline, fraction: number): number {
  const f = Math.min(Math.max(fraction, 0), 1);
  let lo = 0;
  let hi = line.days - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((line.lowerBounds[mid] as number) <= f) lo = mid;
    else hi = mid - 1;
  }
  const start = line.lowerBounds[lo] as number;
  const width = (line.weights[lo] as number) / line.days;
  return line.startMs + (lo + Math.min(1, (f - start) / width)) * DAY_MS;
}

/** The share of the span's traffic before moment `ms` (the inverse of timeAt). */
export function fractionAt(line: Timeline, ms: number): number {
  if (ms <= line.startMs) return 0;
  if (ms >= line.endMs) return 1;
  const position = (ms - line.startMs) / DAY_MS;
  const slot = Math.min(line.days - 1, Math.floor(position));
  return (line.lowerBounds[slot] as number) + ((position - slot) * (line.weights[slot] as number)) / line.days;
}

export interface ScreeningDay {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** Travellers screened that day; today's only up to now. */
  travellers: number;
}

/**
 * Travellers screened per UTC day from the day the span starts through today (up to now):
 * `perDay` on an average day, times the day's seasonal weight.
 */
export function screeningDays(line: Timeline, perDay: number): ScreeningDay[] {
  const first = Math.floor(line.startMs / DAY_MS) * DAY_MS;
  const days: ScreeningDay[] = [];
  for (let dayMs = first; dayMs < line.endMs; dayMs += DAY_MS) {
    const open = Math.min(DAY_MS, line.endMs - dayMs) / DAY_MS;
    const middle = Math.min(dayMs + DAY_MS / 2, line.endMs - 1);
    const slot = Math.min(line.days - 1, Math.max(0, Math.floor((middle - line.startMs) / DAY_MS)));
    days.push({ day: new Date(dayMs).toISOString().slice(0, 10), travellers: Math.round(perDay * (line.weights[slot] as number) * open) });
  }
  return days;
}
