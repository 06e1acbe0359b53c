import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reviewTimeBand, reviewTimeBandWidth, reviewTimePercentileMs } from './review-time-buckets';

const HOUR = 3_600_000;

test('bands are 5 minutes under a day, an hour under a week, a day beyond, with open ends', () => {
  assert.deepEqual([reviewTimeBand(-1), reviewTimeBand(0), reviewTimeBand(299_999), reviewTimeBand(300_000), reviewTimeBand(24 * HOUR - 1)], [-1, 0, 0, 1, 287]);
  assert.deepEqual([reviewTimeBand(24 * HOUR), reviewTimeBand(7 * 24 * HOUR - 1), reviewTimeBand(7 * 24 * HOUR), reviewTimeBand(10_000 * 24 * HOUR)], [288, 431, 432, 797]);
  assert.deepEqual([reviewTimeBandWidth(0), reviewTimeBandWidth(300), reviewTimeBandWidth(500), reviewTimeBandWidth(797)], [300_000, HOUR, 24 * HOUR, Infinity]);
});

/** The bands of a list of durations, as the rollup holds them. */
const bandsOf = (values: number[]) => {
  const bands = new Map<number, { band: number; decided: number; totalMs: number }>();
  for (const value of values) {
    const band = reviewTimeBand(value);
    const entry = bands.get(band) ?? { band, decided: 0, totalMs: 0 };
    entry.decided += 1;
    entry.totalMs += value;
    bands.set(band, entry);
  }
  return [...bands.values()];
};

/** percentile_cont over the exact values. */
const exact = (values: number[], fraction: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const low = Math.floor(position);
  return sorted[low]! + (sorted[Math.ceil(position)]! - sorted[low]!) * (position - low);
};

test('percentiles equal percentile_cont when each band holds one distinct value, and stay within a band width otherwise', () => {
  const whole = [1, 2, 3, 4, 5, 6, 7, 8, 13, 20, 2].map((hours) => hours * HOUR);
  for (const fraction of [0, 0.5, 0.9, 1]) assert.equal(reviewTimePercentileMs(bandsOf(whole), fraction), exact(whole, fraction));
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const spread = Array.from({ length: 5000 }, () => Math.round(random() * random() * 30 * HOUR));
  for (const fraction of [0.5, 0.9]) {
    const estimate = reviewTimePercentileMs(bandsOf(spread), fraction) as number;
    const truth = exact(spread, fraction);
    assert.ok(Math.abs(estimate - truth) <= reviewTimeBandWidth(reviewTimeBand(truth)), `${fraction}: ${estimate} against ${truth}`);
  }
  assert.equal(reviewTimePercentileMs([], 0.5), null);
});
