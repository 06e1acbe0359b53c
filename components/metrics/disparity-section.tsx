'use client';

import { metricsChartExportHref } from '@/lib/queries/metrics';
import type { DisparityRow, MetricsQuery, MetricsReport } from '@/lib/schemas/metrics';
import { ChartFigure } from './chart-figure';
import { DisparityChart } from './lazy-charts';
import { DisparityFlagLabel, flagSymbol, flagText } from './disparity-flag';
import { formatCount, formatRate, formatRatio } from './metrics-format';
import { MetricsTable } from './metrics-table';

const JUDGED = new Set(['higher', 'lower', 'within']);
const nationalityLabel = (row: DisparityRow) => row.nationality ?? 'Unknown';

/** Hit and false-positive rates per nationality against the overall rates. */
export function DisparitySection({ query, disparity }: { query: MetricsQuery; disparity: MetricsReport['disparity'] }) {
  const { overall, minTravellers, minDecided, highRatio, lowRatio } = disparity;
  const judged = disparity.groups.filter((row) => JUDGED.has(row.hitRateFlag) || JUDGED.has(row.falsePositiveFlag));
  const data = judged.map((row) => ({
    name: nationalityLabel(row),
    hit: row.hitRateRatio,
    falsePositive: row.falsePositiveRatio,
    hitLabel: row.hitRateRatio === null ? '' : `${flagSymbol(row.hitRateFlag)} ${formatRatio(row.hitRateRatio)}`,
    falsePositiveLabel: row.falsePositiveRatio === null ? '' : `${flagSymbol(row.falsePositiveFlag)} ${formatRatio(row.falsePositiveRatio)}`,
  }));
  const flagged = disparity.groups.filter((row) => row.hitRateFlag === 'higher' || row.hitRateFlag === 'lower' || row.falsePositiveFlag === 'higher' || row.falsePositiveFlag === 'lower');
  const summary = flagged.length === 0 ? 'no group is flagged' : `flagged: ${flagged.map((row) => `${nationalityLabel(row)} (hit rate ${flagText(row.hitRateFlag)}, false-positive rate ${flagText(row.falsePositiveFlag)})`).join('; ')}`;

  return (
    <section aria-labelledby="disparity-heading" className="space-y-4">
      <h2 id="disparity-heading" className="text-xl font-semibold">
        Disparity by nationality
      </h2>
      <p className="max-w-3xl text-sm text-muted">
        Travellers collected in the period. Overall hit rate {formatRate(overall.hitRate)} ({formatCount(overall.travellersWithHit)} of {formatCount(overall.travellers)}{' '}
        travellers had a hit); overall false-positive rate {formatRate(overall.falsePositiveRate)} ({formatCount(overall.cleared)} of {formatCount(overall.decided)} decided hits).
        A group is flagged when its rate is more than {highRatio}× or less than {lowRatio}× the overall rate — judged only for groups of at least{' '}
        <strong>{formatCount(minTravellers)} travellers</strong> (hit rate) or <strong>{formatCount(minDecided)} decided hits</strong> (false-positive rate); smaller groups
        are “too few to say”. Hit rates leave out travellers sent by an external engine, which sends only those it matched.
      </p>
      <p className="text-sm font-medium" role="status">
        {flagged.length === 0 ? 'No group is flagged.' : `${flagged.length} ${flagged.length === 1 ? 'group is' : 'groups are'} flagged.`}
      </p>
      <ChartFigure
        id="disparity"
        title="Rates per nationality, as a multiple of the overall rate"
        csvHref={metricsChartExportHref(query, 'disparity')}
        chart={<DisparityChart label={`Bar chart of each large-enough nationality's hit rate and false-positive rate divided by the overall rate, with lines at ${lowRatio}× and ${highRatio}×; ${summary}.`} data={data} highRatio={highRatio} lowRatio={lowRatio} />}
      >
        <MetricsTable
          caption="Hit rate and false-positive rate per nationality against the overall rates"
          rows={disparity.groups}
          rowKey={(row) => row.nationality ?? '(unknown)'}
          empty="No travellers collected in this period."
          columns={[
            { header: 'Nationality', cell: nationalityLabel },
            { header: 'Travellers', numeric: true, cell: (row) => formatCount(row.travellers) },
            { header: 'With a hit', numeric: true, cell: (row) => formatCount(row.travellersWithHit) },
            { header: 'Hit rate', numeric: true, cell: (row) => formatRate(row.hitRate) },
            { header: '× overall', numeric: true, cell: (row) => formatRatio(row.hitRateRatio) },
            { header: 'Hit rate flag', cell: (row) => <DisparityFlagLabel flag={row.hitRateFlag} /> },
            { header: 'Decided hits', numeric: true, cell: (row) => formatCount(row.decided) },
            { header: 'Cleared', numeric: true, cell: (row) => formatCount(row.cleared) },
            { header: 'False-positive rate', numeric: true, cell: (row) => formatRate(row.falsePositiveRate) },
            { header: '× overall', numeric: true, cell: (row) => formatRatio(row.falsePositiveRatio) },
            { header: 'False-positive flag', cell: (row) => <DisparityFlagLabel flag={row.falsePositiveFlag} /> },
          ]}
        />
      </ChartFigure>
    </section>
  );
}
