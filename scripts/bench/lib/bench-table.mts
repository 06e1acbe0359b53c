// The one table `npm run bench` prints (run-all.mts): per operation the concurrency, the
// app's p50/p95/p99 (or its rate), the same work sent straight to PostgreSQL beside it, the
// ratio of the two, the target and whether it is met.
import type { LoadResult } from './load.mts';
import type { CpuPerOperation } from './process-cpu.mts';

export interface Latency {
  count: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
  firstError: string | null;
}

export interface BenchRow {
  operation: string;
  clients: number | null;
  /** Through the app (HTTP, session, permission, masking, access events). */
  api: Latency | null;
  /** The same statements straight to PostgreSQL. */
  sql: Latency | null;
  /** For a throughput: items per second through the app and directly. */
  rate: { unit: string; api: number; sql: number | null } | null;
  /** api p95 ÷ sql p95; for a throughput, sql rate ÷ api rate (both: how many times the bare statements' cost). */
  ratio: number | null;
  target: string;
  met: boolean | null;
  note: string | null;
  /**
   * CPU per request (ms), where the app server and PostgreSQL are processes of this machine:
   * the app's and PostgreSQL's through the API, PostgreSQL's for the bare statements, and the
   * ratio of the two sums. Not a target: beside the wall-clock ratio, what the work costs.
   */
  cpu?: { appMs: number; databaseMs: number; sqlDatabaseMs: number; ratio: number } | null;
}

/** A load's result, with the CPU it cost when measured. */
export type MeasuredLoad = LoadResult & { cpu?: CpuPerOperation | null };

export const MAX_RATIO = 1.5;

export function latency(result: LoadResult): Latency {
  const { count, errors, p50, p95, p99, perSecond, firstError } = result;
  return { count, errors, p50, p95, p99, perSecond, firstError };
}

/** A latency row: met when nothing failed, p95 ≤ `p95Ms` (if given) and the app ≤ 1.5× the bare SQL. */
export function latencyRow(operation: string, clients: number, api: MeasuredLoad, sql: MeasuredLoad | null, p95Ms: number | null, note: string | null = null): BenchRow {
  const ratio = sql ? api.p95 / sql.p95 : null;
  const cpu = api.cpu && sql?.cpu
    ? { appMs: api.cpu.appMs, databaseMs: api.cpu.databaseMs, sqlDatabaseMs: sql.cpu.databaseMs, ratio: (api.cpu.appMs + api.cpu.databaseMs) / sql.cpu.databaseMs }
    : null;
  const errors = api.errors + (sql?.errors ?? 0);
  const met = errors === 0 && api.count > 0 && (p95Ms === null || api.p95 <= p95Ms) && (ratio === null || ratio <= MAX_RATIO);
  const target = [p95Ms === null ? null : `p95 ≤ ${p95Ms} ms`, sql ? `≤ ${MAX_RATIO}× SQL` : null].filter(Boolean).join(', ');
  return { operation, clients, api: latency(api), sql: sql ? latency(sql) : null, rate: null, ratio, target, met, note, cpu };
}

const fixed = (value: number | null | undefined, digits = 1) => (value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const whole = (value: number | null | undefined) => fixed(value, 0);

export function formatRate(value: number | null | undefined, unit: string): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : `${whole(value)} ${unit}`;
}

/** The table as lines of text (columns padded; numbers right-aligned). */
export function benchTable(rows: readonly BenchRow[]): string[] {
  const header = ['operation', 'clients', 'p50 ms', 'p95 ms', 'p99 ms', 'rate', 'SQL p50', 'SQL p95', 'SQL rate', 'ratio', 'target', 'met?'];
  const lines = rows.map((r) => [
    r.operation,
    r.clients === null ? '–' : String(r.clients),
    fixed(r.api?.p50), fixed(r.api?.p95), fixed(r.api?.p99),
    r.rate ? formatRate(r.rate.api, r.rate.unit) : r.api ? `${fixed(r.api.perSecond)}/s` : '–',
    fixed(r.sql?.p50), fixed(r.sql?.p95),
    r.rate ? formatRate(r.rate.sql, r.rate.unit) : r.sql ? `${fixed(r.sql.perSecond)}/s` : '–',
    r.ratio === null ? '–' : `${fixed(r.ratio)}×`,
    r.target || '–',
    r.met === null ? '–' : r.met ? 'met' : 'MISSED',
  ]);
  const widths = header.map((title, c) => Math.max(title.length, ...lines.map((line) => (line[c] ?? '').length)));
  const format = (cells: readonly string[]) => cells.map((cell, c) => (c === 0 || c >= 10 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join(' | ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...lines.map(format)];
}

/** The notes and first errors under the table. */
export function benchNotes(rows: readonly BenchRow[]): string[] {
  return rows.flatMap((r) => [
    ...(r.note ? [`${r.operation}: ${r.note}`] : []),
    ...(r.api?.firstError ? [`${r.operation}: first error (app): ${r.api.firstError}`] : []),
    ...(r.sql?.firstError ? [`${r.operation}: first error (SQL): ${r.sql.firstError}`] : []),
  ]);
}

/** CPU per request of the rows that have it, as lines of text (empty when none has). */
export function cpuTable(rows: readonly BenchRow[]): string[] {
  const measured = rows.filter((r) => r.cpu);
  if (measured.length === 0) return [];
  const header = ['operation', 'app CPU ms', 'PostgreSQL CPU ms', 'SQL: PostgreSQL CPU ms', 'CPU ratio'];
  const lines = measured.map((r) => [r.operation, fixed(r.cpu?.appMs, 2), fixed(r.cpu?.databaseMs, 2), fixed(r.cpu?.sqlDatabaseMs, 2), `${fixed(r.cpu?.ratio)}×`]);
  const widths = header.map((title, c) => Math.max(title.length, ...lines.map((line) => (line[c] ?? '').length)));
  const format = (cells: readonly string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join(' | ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...lines.map(format)];
}
