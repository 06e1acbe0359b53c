import assert from 'node:assert/strict';
import { test } from 'node:test';
import { metricsInputFromParams, metricsQuerySchema, metricsQueryToParams, periodDays, presetQuery } from './metrics';

test('presets end today (UTC) and pick a granularity that reads well', () => {
  const today = new Date('2026-11-25T15:00:00Z');
  assert.deepEqual(presetQuery('7d', today), { from: '2026-11-19', to: '2026-11-25', granularity: 'day' });
  assert.deepEqual(presetQuery('30d', today), { from: '2026-10-27', to: '2026-11-25', granularity: 'day' });
  assert.deepEqual(presetQuery('12m', today), { from: '2025-11-26', to: '2026-11-25', granularity: 'month' });
  for (const preset of ['7d', '30d', '12m'] as const) assert.ok(metricsQuerySchema.safeParse(presetQuery(preset, today)).success, preset);
  assert.equal(periodDays('2026-11-19', '2026-11-25'), 7);
});

test('a period must be bounded, ordered, real and not too long for its granularity', () => {
  const messages = (input: Record<string, unknown>) => {
    const parsed = metricsQuerySchema.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };
  assert.deepEqual(messages({ from: '2026-11-01', to: '2026-11-30' }), []);
  assert.deepEqual(messages({ from: '2026-11-30', to: '2026-11-01' }), ['to: The period ends before it starts: choose an end on or after the start.']);
  assert.deepEqual(messages({ from: '2026-11-01' }), ['to: Enter a date.']);
  assert.deepEqual(messages({ from: '2026-02-29', to: '2026-03-01' }), ['from: Not a real date.']);
  assert.deepEqual(messages({ from: '2025-01-01', to: '2026-11-30', granularity: 'day' }), ['granularity: A period longer than a year is shown by week or month.']);
  assert.deepEqual(messages({ from: '2025-01-01', to: '2026-11-30', granularity: 'week' }), []);
  assert.deepEqual(messages({ from: '2020-01-01', to: '2026-11-30', granularity: 'month' }), ['to: Choose a period of at most 1827 days (five years).']);
});

test('the URL carries the period, and the disparity minimums only when changed', () => {
  const query = metricsQuerySchema.parse({ from: '2026-11-01', to: '2026-11-30', granularity: 'week' });
  assert.equal(metricsQueryToParams(query).toString(), 'from=2026-11-01&to=2026-11-30&granularity=week');
  const changed = metricsQuerySchema.parse({ ...query, minTravellers: '50' });
  assert.equal(metricsQueryToParams(changed).get('minTravellers'), '50');
  assert.deepEqual(metricsQuerySchema.parse(metricsInputFromParams(metricsQueryToParams(changed))), changed);
  assert.deepEqual(metricsInputFromParams({ from: ['2026-11-01', 'x'], to: '', granularity: undefined }), { from: '2026-11-01' });
});
