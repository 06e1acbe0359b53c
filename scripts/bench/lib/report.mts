// The benchmark's table on the terminal and its JSON record in scripts/bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadResult } from './load.mts';

export interface Target {
  p95Ms: number;
  maxRatio: number;
}

export interface OperationResult {
  name: string;
  http: LoadResult;
  sql: LoadResult;
  ratioP95: number;
  met: boolean;
}

export function judge(name: string, http: LoadResult, sql: LoadResult, target: Target): OperationResult {
  const ratioP95 = http.p95 / sql.p95;
  const met = http.errors === 0 && sql.errors === 0 && http.p95 <= target.p95Ms && ratioP95 <= target.maxRatio;
  return { name, http, sql, ratioP95, met };
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');

export function printTable(results: readonly OperationResult[], target: Target): void {
  const header = ['operation', 'p50', 'p95', 'p99', 'req/s', 'errors', 'direct SQL p50', 'direct SQL p95', 'ratio p95', `target met? (p95 ≤ ${target.p95Ms} ms, ≤ ${target.maxRatio}×)`];
  const lines = results.map((r) => [
    r.name, ms(r.http.p50), ms(r.http.p95), ms(r.http.p99), r.http.perSecond.toFixed(0), String(r.http.errors + r.sql.errors),
    ms(r.sql.p50), ms(r.sql.p95), `${r.ratioP95.toFixed(1)}×`, r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const row = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ');
  console.log(`\n${row(header)}\n${widths.map((width) => '-'.repeat(width)).join('-|-')}`);
  for (const line of lines) console.log(row(line));
  console.log('(milliseconds; API figures include HTTP, the session check, masking and the access-log write)\n');
  for (const r of results) {
    if (r.http.firstError) console.log(`  ${r.name}: first API error: ${r.http.firstError}`);
    if (r.sql.firstError) console.log(`  ${r.name}: first SQL error: ${r.sql.firstError}`);
  }
}

/** Writes `<record.benchmark>-<timestamp>.json` (queue- when the record names no benchmark). */
export function writeResults(directory: string, record: Record<string, unknown>): string {
  mkdirSync(directory, { recursive: true });
  const stamp = new Date().toISOString().replace(/:/g, '-').replace(/\..*$/, '');
  const name = typeof record.benchmark === 'string' ? record.benchmark : 'queue';
  const file = path.join(directory, `${name}-${stamp}.json`);
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg() };
  writeFileSync(file, `${JSON.stringify({ ...record, machine }, null, 2)}\n`);
  return file;
}
