import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from '@/generated/prisma/client';
import { env } from '@/lib/env';
import { readMetrics } from './get-metrics';
import { MetricsRound, readInOneRound } from './metrics-round';
import { validateMetricsQuery } from './validate-metrics-query';

// A client that logs what it sends, so the tests see the statements themselves.
const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: env().DATABASE_URL }), log: [{ emit: 'event', level: 'query' }] });
const sent: string[] = [];
client.$on('query', (event) => sent.push(event.query.trim()));
after(() => client.$disconnect());

test('the dashboard’s figures are read in one statement, with parallel workers off for it, after the retention limits', async () => {
  sent.length = 0;
  const report = await readMetrics(client, validateMetricsQuery({ from: '2013-01-01', to: '2013-12-31', granularity: 'month' }), new Date());
  assert.equal(report.funnel.buckets.length, 12);
  const reads = sent.filter((sql) => !/^(BEGIN|COMMIT)$/i.test(sql));
  assert.equal(reads.length, 3, `expected the limits, the setting and one statement; sent:\n${reads.map((sql) => sql.slice(0, 80)).join('\n')}`);
  assert.match(reads[0] ?? '', /"RetentionPolicy"/);
  assert.match(reads[1] ?? '', /^SET LOCAL max_parallel_workers_per_gather = 0$/);
  assert.match(reads[2] ?? '', /json_agg/);
  // The setting holds only for the figures' transaction.
  const [setting] = await client.$queryRaw<{ value: string }[]>`SELECT current_setting('max_parallel_workers_per_gather') AS value`;
  assert.notEqual(setting?.value, '0');
});

test('each part gets its own rows, typed as JSON gives them', async () => {
  const rows = await readInOneRound(client, (round) =>
    Promise.all([
      round.rows<{ n: number; label: string }>(Prisma.sql`SELECT n, 'row ' || n AS label FROM generate_series(1, ${3}::int) n`),
      round.rows<{ n: number }>(Prisma.sql`SELECT n FROM generate_series(1, 0) n`),
      round.rows<{ total: number; bands: number[]; at: string }>(Prisma.sql`SELECT sum(n)::bigint AS total, array_agg(n ORDER BY n) AS bands, ${new Date('2013-05-06T07:08:09.123Z')}::timestamptz AS at FROM generate_series(1, 4) n`),
    ]),
  );
  assert.deepEqual(rows[0], [{ n: 1, label: 'row 1' }, { n: 2, label: 'row 2' }, { n: 3, label: 'row 3' }]);
  assert.deepEqual(rows[1], []);
  assert.equal(rows[2][0]?.total, 10);
  assert.deepEqual(rows[2][0]?.bands, [1, 2, 3, 4]);
  assert.equal(new Date(rows[2][0]?.at as string).toISOString(), '2013-05-06T07:08:09.123Z');
});

test('a failing part fails the whole read with the database’s error, and a part added after the round ran is refused', async () => {
  await assert.rejects(
    readInOneRound(client, (round) => Promise.all([round.rows(Prisma.sql`SELECT 1 AS one`), round.rows(Prisma.sql`SELECT 1 / 0 AS broken`)])),
    /division by zero/,
  );
  const round = new MetricsRound();
  await round.run(client);
  await assert.rejects(round.rows(Prisma.sql`SELECT 1`), /came too late/);
});
