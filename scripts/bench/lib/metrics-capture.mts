// Every statement GET /api/v1/metrics sends for a period, as sent: the reads of
// server/metrics/get-metrics.ts run once through a Prisma client that logs its queries, the
// SQL and parameters kept, so that `npm run bench` can send exactly those straight to
// PostgreSQL beside the API (all at once, as getMetrics sends its round). Needs the
// react-server condition; readRetentionLimits() reads lib/env.ts (RETENTION_MIN_DAYS only).
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../../generated/prisma/client.ts';
import { readDisparity } from '../../../server/metrics/disparity.ts';
import { readFalsePositives } from '../../../server/metrics/false-positives.ts';
import { readFunnel } from '../../../server/metrics/funnel.ts';
import { readIntrusion } from '../../../server/metrics/intrusion.ts';
import { periodBounds, periodBuckets } from '../../../server/metrics/period.ts';
import { readQueueAge } from '../../../server/metrics/queue-age.ts';
import { readRetention } from '../../../server/metrics/retention.ts';
import { readReviewTime } from '../../../server/metrics/review-time.ts';
import { validateMetricsQuery } from '../../../server/metrics/validate-metrics-query.ts';
import type { MetricsPeriod } from './metrics-ops.mts';

export interface CapturedStatement {
  sql: string;
  params: unknown[];
}

export async function captureMetricsStatements(url: string, period: MetricsPeriod, now = new Date()): Promise<CapturedStatement[]> {
  // A pool of our own, ended here: nothing of it may outlive the capture.
  const connections = new pg.Pool({ connectionString: url, max: 8 });
  connections.on('error', () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(connections), log: [{ emit: 'event', level: 'query' }] });
  const statements: CapturedStatement[] = [];
  prisma.$on('query', (event) => {
    // Prisma's own transaction statements are not part of the round.
    if (/^(BEGIN|COMMIT|ROLLBACK)/i.test(event.query.trim())) return;
    statements.push({ sql: event.query, params: JSON.parse(event.params) as unknown[] });
  });
  try {
    const query = validateMetricsQuery({ from: period.from, to: period.to, granularity: period.granularity });
    const bounds = periodBounds(query);
    const buckets = periodBuckets(query);
    // As getMetrics reads them (its replica routing aside).
    await Promise.all([
      readFunnel(prisma, bounds, buckets),
      readIntrusion(prisma, bounds, now),
      readFalsePositives(prisma, bounds),
      readReviewTime(prisma, bounds, buckets),
      readQueueAge(prisma, now),
      readDisparity(prisma, bounds, { minTravellers: query.minTravellers, minDecided: query.minDecided }),
      readRetention(prisma, now),
    ]);
    return statements;
  } finally {
    await prisma.$disconnect();
    await connections.end().catch(() => {});
  }
}

/** The captured statements, all at once on the pool's connections. */
export async function sendStatements(pool: pg.Pool, statements: readonly CapturedStatement[]): Promise<void> {
  await Promise.all(statements.map((statement) => pool.query(statement.sql, statement.params)));
}
