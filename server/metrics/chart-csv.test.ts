import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MetricsReport } from '@/lib/schemas/metrics';
import { chartTable, toCsv } from './chart-csv';

const row = (key: string, cleared: number, decided: number) => ({ key, label: key, hits: decided + 1, decided, cleared, falsePositiveRate: decided ? cleared / decided : null });

test('a chart’s CSV holds its table’s numbers, rates as fractions, and defuses formulas', () => {
  const report = { falsePositives: { bySource: [], byCategory: [row('fraud', 1, 3), row('@SUM(A1)', 0, 0)] } } as unknown as MetricsReport;
  const csv = toCsv(chartTable(report, 'false-positives-by-category'));
  assert.equal(csv, 'offenceCategory,hits,decided,cleared,falsePositiveRate\r\nfraud,4,3,1,0.333333\r\n\'@SUM(A1),1,0,0,\r\n');
});
