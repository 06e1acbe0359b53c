import 'server-only';
import { DISPARITY_HIGH_RATIO, DISPARITY_LOW_RATIO, type DisparityFlag } from '@/lib/schemas/metrics';
import { rate } from './rates';

export interface GroupJudgement {
  rate: number | null;
  ratio: number | null;
  flag: DisparityFlag;
}

/**
 * A group's rate against the overall rate. A group smaller than `minimum` is "too few to
 * say" (its rate is not shown either: a rate over a handful of people is noise, and small
 * groups come close to singling people out); with no overall rate there is nothing to compare.
 */
export function judgeGroup(part: number, whole: number, minimum: number, overallRate: number | null): GroupJudgement {
  if (whole < minimum) return { rate: null, ratio: null, flag: 'too-few' };
  const groupRate = rate(part, whole);
  if (groupRate === null || overallRate === null || overallRate === 0) return { rate: groupRate, ratio: null, flag: 'no-baseline' };
  const ratio = groupRate / overallRate;
  // "Beyond" the thresholds, with a small tolerance: a ratio of exactly 5/4 computed in
  // floating point (1.2500000000000002) is on the line, not beyond it.
  const flag: DisparityFlag = ratio > DISPARITY_HIGH_RATIO + 1e-9 ? 'higher' : ratio < DISPARITY_LOW_RATIO - 1e-9 ? 'lower' : 'within';
  return { rate: groupRate, ratio, flag };
}
