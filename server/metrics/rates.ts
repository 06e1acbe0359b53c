import 'server-only';
import { FUNNEL_STAGES, type FunnelCounts, type FunnelRates } from '@/lib/schemas/metrics';

/** part / whole, or null where the whole is 0 (a rate of nothing is not 0 %). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Each funnel stage as a share of the stage it follows from (FUNNEL_STAGES' `base`). */
export function funnelRates(counts: FunnelCounts): FunnelRates {
  const rates = {} as FunnelRates;
  for (const stage of FUNNEL_STAGES) {
    if (stage.base !== null) rates[stage.key] = rate(counts[stage.key], counts[stage.base]);
  }
  return rates;
}

export function emptyFunnelCounts(): FunnelCounts {
  return { screened: 0, hits: 0, reviewed: 0, cleared: 0, confirmed: 0, escalationRequested: 0, approved: 0, disclosed: 0 };
}
