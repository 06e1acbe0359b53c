import 'server-only';

// The review-time bands of HitReviewTimeRollup: the same bounds as the SQL function
// metrics_review_bucket() (migration 20261126180000_metrics_rollups). 5 minutes wide up to a
// day (the 12-hour deadline sits in the finest part), an hour up to a week, a day beyond.
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const LAST_BAND = 797;

/** The band a review time (ms) falls in; mirrors metrics_review_bucket(). */
export function reviewTimeBand(ms: number): number {
  if (ms < 0) return -1;
  if (ms < DAY_MS) return Math.floor(ms / (5 * MINUTE_MS));
  if (ms < 7 * DAY_MS) return 288 + Math.floor((ms - DAY_MS) / HOUR_MS);
  return Math.min(432 + Math.floor((ms - 7 * DAY_MS) / DAY_MS), LAST_BAND);
}

/** How wide a band is (ms): the most a percentile read from it can be off. Infinite for the open ends. */
export function reviewTimeBandWidth(band: number): number {
  if (band < 0 || band >= LAST_BAND) return Number.POSITIVE_INFINITY;
  if (band < 288) return 5 * MINUTE_MS;
  if (band < 432) return HOUR_MS;
  return DAY_MS;
}

export interface ReviewTimeBandCount {
  band: number;
  decided: number;
  totalMs: number;
}

/**
 * PostgreSQL's percentile_cont over review times known only by band: the ranks either side of
 * the fraction's position, interpolated linearly as percentile_cont does, each valued at the
 * mean of its band. Exact when the bands holding those ranks hold one distinct value each;
 * otherwise off by less than the band's width (reviewTimeBandWidth: 5 minutes under a day).
 * null without decided hits.
 */
export function reviewTimePercentileMs(bands: readonly ReviewTimeBandCount[], fraction: number): number | null {
  const sorted = bands.filter((band) => band.decided > 0).sort((a, b) => a.band - b.band);
  const total = sorted.reduce((sum, band) => sum + band.decided, 0);
  if (total === 0) return null;
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (const band of sorted) {
      seen += band.decided;
      if (rank < seen) return band.totalMs / band.decided;
    }
    const last = sorted[sorted.length - 1] as ReviewTimeBandCount;
    return last.totalMs / last.decided;
  };
  const position = fraction * (total - 1);
  const low = Math.floor(position);
  const lowValue = valueAt(low);
  return lowValue + (valueAt(Math.ceil(position)) - lowValue) * (position - low);
}
