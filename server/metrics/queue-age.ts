import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { QUEUE_AGE_BANDS, type QueueAgeBand, type QueueAgeRow } from '@/lib/schemas/metrics';
import { count } from './hit-outcome-sql';
import type { MetricsRound } from './metrics-round';

const HOUR_MS = 3_600_000;
/** The open-ended last band. */
const OLDEST: QueueAgeBand = 'gt3d';

/** The band of an open hit's age (QUEUE_AGE_BANDS), as a CASE over the hit's creation time. */
function bandSql(now: Date): Prisma.Sql {
  const bounded = QUEUE_AGE_BANDS.filter((band) => band.maxHours !== null);
  const whens = bounded.map((band) => Prisma.sql`WHEN h."createdAt" > ${new Date(now.getTime() - (band.maxHours as number) * HOUR_MS)} THEN ${band.key}`);
  return Prisma.sql`CASE ${Prisma.join(whens, ' ')} ELSE ${OLDEST} END`;
}

/**
 * The hits waiting for a person's review now (new or in review), by age, with how many are
 * past their 12-hour deadline. Escalations waiting for a supervisor are not review work.
 */
export async function readQueueAge(round: MetricsRound, now: Date): Promise<QueueAgeRow[]> {
  const rows = await round.rows<{ band: QueueAgeBand; open: bigint | number; late: bigint | number }>(Prisma.sql`
    SELECT ${bandSql(now)} AS band, count(*) AS open, count(*) FILTER (WHERE h."dueAt" < ${now}) AS late
    FROM "Hit" h
    WHERE h.status IN ('NEW', 'IN_REVIEW')
    GROUP BY 1`);
  const byBand = new Map(rows.map((row) => [row.band, row]));
  return QUEUE_AGE_BANDS.map((band) => ({ band: band.key, label: band.label, open: count(byBand.get(band.key)?.open), pastDeadline: count(byBand.get(band.key)?.late) }));
}
