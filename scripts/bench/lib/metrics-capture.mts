// Every statement GET /api/v1/metrics sends for a period, as sent: server/metrics/get-metrics.ts's
// readMetrics run once through a Prisma client whose connections record what they send, the SQL
// and parameters kept, so that `npm run bench` can send exactly those straight to PostgreSQL beside the API,
// in order on one connection as the app sends them (the retention limits, then the figures'
// one statement in its transaction). Needs the react-server condition; readRetentionLimits()
// reads lib/env.ts (RETENTION_MIN_DAYS only).
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../../generated/prisma/client.ts';
import { readMetrics } from '../../../server/metrics/get-metrics.ts';
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
  // What goes over the wire, taken from the connections themselves: Prisma's query log leaves out
  // the BEGIN of a batch transaction, and the figures' SET LOCAL means nothing outside one.
  const statements: CapturedStatement[] = [];
  connections.on('connect', (client) => {
    const send = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown];
      statements.push(typeof config === 'string' ? { sql: config, params: Array.isArray(values) ? values : [] } : { sql: config.text, params: config.values ?? [] });
      return send(...args);
    };
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(connections) });
  try {
    await readMetrics(prisma, validateMetricsQuery({ from: period.from, to: period.to, granularity: period.granularity }), now);
    return statements;
  } finally {
    await prisma.$disconnect();
    await connections.end().catch(() => {});
  }
}

/** The captured statements, in order on one of the pool's connections. */
export async function sendStatements(pool: pg.Pool, statements: readonly CapturedStatement[]): Promise<void> {
  const client = await pool.connect();
  try {
    for (const statement of statements) await client.query(statement.sql, statement.params);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
