import 'server-only';
import type { FalsePositiveRow, MetricsReport } from '@/lib/schemas/metrics';
import { Prisma } from '@/generated/prisma/client';
import { count } from './hit-outcome-sql';
import type { MetricsRound } from './metrics-round';
import type { PeriodBounds } from './period';
import { rate } from './rates';
import { HIT_LEVELS, rollupSource } from './weekly-source';

type Counted = bigint | number | null;

/**
 * The false-positive rate (cleared / decided) of the period's hits per watchlist and per
 * offence category — which lists cost the most intrusion for the least result. One read of
 * the period's daily rollup serves both groupings.
 */
export async function readFalsePositives(round: MetricsRound, bounds: PeriodBounds): Promise<MetricsReport['falsePositives']> {
  const [rows, sources] = await Promise.all([
    // From the rollups, whole weeks from their weekly sums (./rollups.md); a group shows when the period has hits in it.
    round.rows<{ sourceId: string | null; category: string | null; bySource: boolean; hits: Counted; decided: Counted; cleared: Counted }>(Prisma.sql`
      SELECT r."sourceId"::text AS "sourceId", r."offenceCategory" AS category,
        (GROUPING(r."offenceCategory") = 1) AS "bySource",
        sum(r.hits) AS hits, sum(r.cleared + r.confirmed + r."escalationPending" + r.escalated) AS decided, sum(r.cleared) AS cleared
      FROM ${rollupSource(HIT_LEVELS, bounds, false)} r
      GROUP BY GROUPING SETS ((r."sourceId"), (r."offenceCategory"))
      HAVING sum(r.hits) > 0`),
    round.rows<{ id: string; code: string; name: string }>(Prisma.sql`SELECT s.id, s.code, s.name FROM "WatchlistSource" s`),
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
