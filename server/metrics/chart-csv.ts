import 'server-only';
import { csvRow } from '@/lib/csv';
import { FUNNEL_STAGES, type MetricsChart, type MetricsReport, type PnrStatistics } from '@/lib/schemas/metrics';

type Cell = string | number | boolean | null;
type Table = { columns: string[]; rows: Cell[][] };

// Rates as fractions (0.125, not "12.5 %") so a spreadsheet can compute with them; rounded so
// a file does not pretend to more precision than the counts it comes from.
const fraction = (value: number | null) => (value === null ? null : Math.round(value * 1e6) / 1e6);
const hours = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
const flagText = (flag: string) => ({ higher: 'higher', lower: 'lower', within: 'within range', 'too-few': 'too few to say', 'no-baseline': 'no overall rate' })[flag] ?? flag;

const RATE_STAGES = FUNNEL_STAGES.filter((stage) => stage.base !== null);

/** The same numbers as each chart's table, as rows. */
export function chartTable(report: MetricsReport, chart: MetricsChart): Table {
  switch (chart) {
    case 'funnel':
      return {
        columns: ['bucket', ...FUNNEL_STAGES.map((stage) => stage.key), ...RATE_STAGES.map((stage) => `${stage.key}Rate`)],
        rows: [...report.funnel.buckets, { bucket: 'total', counts: report.funnel.totals, rates: report.funnel.rates }].map((row) => [
          row.bucket,
          ...FUNNEL_STAGES.map((stage) => row.counts[stage.key]),
          ...RATE_STAGES.map((stage) => fraction(row.rates[stage.key])),
        ]),
      };
    case 'false-positives-by-source':
    case 'false-positives-by-category': {
      const rows = chart === 'false-positives-by-source' ? report.falsePositives.bySource : report.falsePositives.byCategory;
      return {
        columns: [chart === 'false-positives-by-source' ? 'source' : 'offenceCategory', 'hits', 'decided', 'cleared', 'falsePositiveRate'],
        rows: rows.map((row) => [row.key, row.hits, row.decided, row.cleared, fraction(row.falsePositiveRate)]),
      };
    }
    case 'review-time':
      return {
        columns: ['bucket', 'decided', 'medianHours', 'p90Hours', 'pastDeadline', 'pastDeadlineShare'],
        rows: [...report.reviewTime.buckets, { ...report.reviewTime.overall, bucket: 'total' }].map((row) => [
          row.bucket, row.decided, hours(row.medianHours), hours(row.p90Hours), row.pastDeadline, fraction(row.pastDeadlineShare),
        ]),
      };
    case 'queue-age':
      return { columns: ['age', 'open', 'pastDeadline'], rows: report.reviewTime.queueAge.map((row) => [row.label, row.open, row.pastDeadline]) };
    case 'intrusion': {
      const { totals } = report.intrusion;
      return {
        columns: ['bucket', 'reveals', 'decidedHits', 'revealsPerDecidedHit'],
        rows: [
          ...report.intrusion.buckets.map((row) => [row.bucket, row.reveals, row.decided, fraction(row.revealsPerDecidedHit)]),
          ['total', totals.reveals, totals.decided, fraction(totals.revealsPerDecidedHit)],
        ],
      };
    }
    case 'disparity':
      return {
        columns: ['nationality', 'travellers', 'travellersWithHit', 'hitRate', 'hitRateRatio', 'hitRateFlag', 'decidedHits', 'cleared', 'falsePositiveRate', 'falsePositiveRatio', 'falsePositiveFlag'],
        rows: [
          ...report.disparity.groups.map((row) => [
            row.nationality ?? 'unknown', row.travellers, row.travellersWithHit, fraction(row.hitRate), fraction(row.hitRateRatio), flagText(row.hitRateFlag),
            row.decided, row.cleared, fraction(row.falsePositiveRate), fraction(row.falsePositiveRatio), flagText(row.falsePositiveFlag),
          ]),
          ['all', report.disparity.overall.travellers, report.disparity.overall.travellersWithHit, fraction(report.disparity.overall.hitRate), 1, null,
            report.disparity.overall.decided, report.disparity.overall.cleared, fraction(report.disparity.overall.falsePositiveRate), 1, null],
        ],
      };
    case 'retention-age':
      return { columns: ['age', 'identifiable', 'masked', 'erased'], rows: report.retention.ageBands.map((row) => [row.label, row.identifiable, row.masked, row.erased]) };
    case 'retention-holds':
      return { columns: ['reason', 'travellers', 'pastEraseLimit'], rows: report.retention.holds.map((row) => [row.label, row.travellers, row.pastEraseLimit]) };
    case 'retention-runs':
      return {
        columns: ['startedAt', 'finishedAt', 'dryRun', 'status', 'masked', 'erased', 'held', 'eventsErased'],
        rows: report.retention.runs.map((run) => [run.startedAt, run.finishedAt, run.dryRun, run.status, run.masked, run.erased, run.held, run.eventsErased]),
      };
  }
}

export function toCsv({ columns, rows }: Table): string {
  return csvRow(columns) + rows.map((row) => csvRow(row)).join('');
}

export function pnrStatisticsTable(statistics: PnrStatistics): Table {
  const figures = ['passengersCollected', 'passengersIdentifiedForFurtherExamination', 'passengersForwarded'] as const;
  return {
    columns: ['from', 'to', 'figure', 'value', 'definition'],
    rows: figures.map((figure) => [statistics.period.from, statistics.period.to, figure, statistics[figure], statistics.definitions[figure]]),
  };
}
