'use client';

import { Bar, BarChart, CartesianGrid, LabelList, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { metricsChartExportHref } from '@/lib/queries/metrics';
import type { DisparityRow, MetricsQuery, MetricsReport } from '@/lib/schemas/metrics';
import { AXIS_TICK, GRID_STROKE, SERIES } from './chart-theme';
import { ChartFigure } from './chart-figure';
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
        chartLabel={`Bar chart of each large-enough nationality's hit rate and false-positive rate divided by the overall rate, with lines at ${lowRatio}× and ${highRatio}×; ${summary}.`}
        csvHref={metricsChartExportHref(query, 'disparity')}
        chart={
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ left: 8, right: 24, top: 16 }} accessibilityLayer={false}>
              <CartesianGrid stroke={GRID_STROKE} vertical={false} />
              <XAxis dataKey="name" tick={AXIS_TICK} />
              <YAxis tick={AXIS_TICK} unit="×" />
              <Tooltip formatter={(value) => formatRatio(Number(value))} />
              <Legend />
              <ReferenceLine y={1} stroke="var(--color-muted)" />
              <ReferenceLine y={highRatio} stroke="var(--color-danger)" strokeDasharray="4 4" label={{ value: `${highRatio}×`, position: 'right', fill: 'var(--color-danger)' }} />
              <ReferenceLine y={lowRatio} stroke="var(--color-warn)" strokeDasharray="4 4" label={{ value: `${lowRatio}×`, position: 'right', fill: 'var(--color-warn)' }} />
              <Bar dataKey="hit" name="Hit rate ÷ overall" fill={SERIES[0].color} isAnimationActive={false}>
                <LabelList dataKey="hitLabel" position="top" fill="var(--color-fg)" fontSize={11} />
              </Bar>
              <Bar dataKey="falsePositive" name="False-positive rate ÷ overall" fill={SERIES[2].color} isAnimationActive={false}>
                <LabelList dataKey="falsePositiveLabel" position="top" fill="var(--color-fg)" fontSize={11} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        }
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
