import 'server-only';
import type { FalsePositiveRow, MetricsReport } from '@/lib/schemas/metrics';
import type { Db } from '@/server/db';
import { CLEARED_SQL, count, DECIDED_SQL } from './hit-outcome-sql';
import type { PeriodBounds } from './period';
import { rate } from './rates';

type Counted = bigint | number | null;

/**
 * The false-positive rate (cleared / decided) of the period's hits per watchlist and per
 * offence category — which lists cost the most intrusion for the least result. One scan of
 * the period's hits serves both groupings.
 */
export async function readFalsePositives(client: Db, { start, end }: PeriodBounds): Promise<MetricsReport['falsePositives']> {
  const [rows, sources] = await Promise.all([
    client.$queryRaw<{ sourceId: string | null; category: string | null; bySource: number; hits: Counted; decided: Counted; cleared: Counted }[]>`
      SELECT h."sourceId"::text AS "sourceId", h."offenceCategory" AS category,
        (GROUPING(h."offenceCategory") = 1) AS "bySource",
        count(*) AS hits, count(*) FILTER (WHERE ${DECIDED_SQL}) AS decided, count(*) FILTER (WHERE ${CLEARED_SQL}) AS cleared
      FROM "Hit" h
      WHERE h."createdAt" >= ${start} AND h."createdAt" < ${end}
      GROUP BY GROUPING SETS ((h."sourceId"), (h."offenceCategory"))`,
    client.watchlistSource.findMany({ select: { id: true, code: true, name: true } }),
  ]);
  const sourceById = new Map(sources.map((source) => [source.id, source]));
  const toRow = (key: string, label: string, row: (typeof rows)[number]): FalsePositiveRow => {
    const decided = count(row.decided);
    const cleared = count(row.cleared);
    return { key, label, hits: count(row.hits), decided, cleared, falsePositiveRate: rate(cleared, decided) };
  };
  const byRate = (a: FalsePositiveRow, b: FalsePositiveRow) => (b.falsePositiveRate ?? -1) - (a.falsePositiveRate ?? -1) || b.hits - a.hits;
  const bySource = rows
    .filter((row) => row.bySource && row.sourceId)
    .map((row) => {
      const source = sourceById.get(row.sourceId as string);
      return toRow(source?.code ?? (row.sourceId as string), source ? `${source.name} (${source.code})` : 'Unknown list', row);
    });
  const byCategory = rows.filter((row) => !row.bySource && row.category !== null).map((row) => toRow(row.category as string, row.category as string, row));
  return { bySource: bySource.sort(byRate), byCategory: byCategory.sort(byRate) };
}
