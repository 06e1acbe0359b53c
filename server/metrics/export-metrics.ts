import 'server-only';
import { metricsChartSchema, metricsFileFormatSchema, type MetricsQueryInput } from '@/lib/schemas/metrics';
import type { Caller } from '@/server/auth/caller';
import { requirePermission } from '@/server/auth/require-permission';
import { ValidationError } from '@/server/errors';
import { chartTable, pnrStatisticsTable, toCsv } from './chart-csv';
import { getMetrics } from './get-metrics';
import { getPnrStatistics } from './pnr-statistics';

export interface MetricsFile {
  filename: string;
  contentType: string;
  body: string;
}

// Exports are counts without personal data, like the page they come from: no access event
// for an allowed one (see get-metrics.ts), a DENIED event for a refused one.

function pick<T>(schema: { safeParse: (value: unknown) => { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, value: unknown, field: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? 'Not valid.';
  throw new ValidationError(message, { [field]: message });
}

/** One chart's numbers — the same as its table on the page — as CSV (lib/csv.ts: safe against formula injection). */
export async function exportMetricsChart(caller: Caller, input: MetricsQueryInput & { chart?: string | null }): Promise<MetricsFile> {
  await requirePermission(caller, 'metrics.read', { type: 'metrics-export' });
  const chart = pick(metricsChartSchema, input.chart ?? undefined, 'chart');
  const report = await getMetrics(caller, input);
  return {
    filename: `metrics-${chart}-${report.period.from}-to-${report.period.to}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: toCsv(chartTable(report, chart)),
  };
}

/** The PNR Directive art. 20 statistics for the period, as JSON or CSV. */
export async function exportPnrStatistics(caller: Caller, input: MetricsQueryInput & { format?: string | null }): Promise<MetricsFile> {
  await requirePermission(caller, 'metrics.read', { type: 'metrics-export' });
  const format = pick(metricsFileFormatSchema, input.format ?? undefined, 'format');
  const statistics = await getPnrStatistics(caller, input);
  const filename = `pnr-art20-statistics-${statistics.period.from}-to-${statistics.period.to}.${format}`;
  return format === 'json'
    ? { filename, contentType: 'application/json', body: `${JSON.stringify(statistics, null, 2)}\n` }
    : { filename, contentType: 'text/csv; charset=utf-8', body: toCsv(pnrStatisticsTable(statistics)) };
}
