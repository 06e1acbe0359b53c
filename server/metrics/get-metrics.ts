import 'server-only';
import type { MetricsQuery, MetricsQueryInput, MetricsReport } from '@/lib/schemas/metrics';
import { REVIEW_DEADLINE_HOURS } from '@/lib/schemas/metrics';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import type { Db } from '@/server/db';
import { readFromReplica } from '@/server/db-replica';
import { readRetentionLimits } from '@/server/retention/retention-policies';
import { readDisparity } from './disparity';
import { readFalsePositives } from './false-positives';
import { readFunnel } from './funnel';
import { readIntrusion } from './intrusion';
import { readInOneRound } from './metrics-round';
import { periodBounds, periodBuckets } from './period';
import { readQueueAge } from './queue-age';
import { readRetention } from './retention';
import { readReviewTime } from './review-time';
import { validateMetricsQuery } from './validate-metrics-query';

/**
 * The metrics dashboard's figures for a period: aggregates computed in SQL, read in one
 * statement (./metrics-round.ts) after the retention limits that shape it — on the read
 * replica while it is fresh (server/db-replica.ts), since they record and decide nothing.
 *
 * No access event is written for an allowed read. The figures are counts over many people,
 * with no personal data: reading them is none of the operations on personal data the access
 * log must record (LED art. 25), and the completeness rule the log is held to
 * (server/access-log/completeness.integration.test.ts) is about operations on one person's
 * data. A refusal is recorded, as every refusal is, by requirePermission (DENIED).
 */
export async function getMetrics(caller: Caller, input: MetricsQueryInput, options: { now?: Date } = {}): Promise<MetricsReport> {
  await requirePermission(caller, 'metrics.read', { type: 'metrics' });
  const query = validateMetricsQuery(input);
  const now = options.now ?? new Date();
  return readFromReplica((client) => readMetrics(client, query, now));
}

/** The figures of a validated query, as getMetrics reads them (the benchmark reads them so too). */
export async function readMetrics(client: Db, query: MetricsQuery, now: Date): Promise<MetricsReport> {
  const bounds = periodBounds(query);
  const buckets = periodBuckets(query);
  const limits = await readRetentionLimits(client);
  const [funnel, intrusionOf, falsePositives, reviewTime, queueAge, disparity, retention] = await readInOneRound(client, (round) =>
    Promise.all([
      readFunnel(round, bounds, buckets),
      readIntrusion(round, bounds, now),
      readFalsePositives(round, bounds),
      readReviewTime(round, bounds, buckets),
      readQueueAge(round, now),
      readDisparity(round, bounds, { minTravellers: query.minTravellers, minDecided: query.minDecided }),
      readRetention(round, limits, now),
    ]),
  );
  return {
    period: { from: query.from, to: query.to, granularity: query.granularity },
    generatedAt: now.toISOString(),
    funnel,
    falsePositives,
    reviewTime: { deadlineHours: REVIEW_DEADLINE_HOURS, ...reviewTime, queueAge },
    // Reveals per decided hit divide by the funnel's reviewed hits: the same hits.
    intrusion: intrusionOf(funnel.buckets),
    disparity,
    retention,
  };
}
