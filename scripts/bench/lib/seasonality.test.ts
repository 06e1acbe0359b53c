import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DAY_MS, fractionAt, screeningDays, seasonalWeight, timeAt, timeline } from './seasonality.mts';

const END = Date.parse('2026-11-26T06:00:00Z');

test('a seasonal timeline weighs its days with mean 1, summer above winter', () => {
  const line = timeline(END, 5 * 365, true);
  const mean = line.weights.reduce((sum, w) => sum + w, 0) / line.days;
  assert.ok(Math.abs(mean - 1) < 1e-9);
  assert.ok(seasonalWeight(Date.parse('2025-07-25T12:00:00Z')) > 1.25 * seasonalWeight(Date.parse('2025-02-12T12:00:00Z')));
  assert.equal(line.lowerBounds[0], 0);
  for (let i = 1; i < line.days; i += 1) assert.ok((line.lowerBounds[i] as number) > (line.lowerBounds[i - 1] as number));
});

test('timeAt and fractionAt are inverses, and the busy days get more of the traffic', () => {
  const line = timeline(END, 365, true);
  assert.equal(timeAt(line, 0), line.startMs);
  assert.equal(timeAt(line, 1), line.endMs);
  for (const f of [0.001, 0.25, 0.5, 0.77, 0.999]) assert.ok(Math.abs(fractionAt(line, timeAt(line, f)) - f) < 1e-9);
  // A thousand evenly spaced shares of the traffic land more often in July than in February.
  const months = new Map<number, number>();
  for (let k = 0; k < 1000; k += 1) {
    const month = new Date(timeAt(line, (k + 0.5) / 1000)).getUTCMonth();
    months.set(month, (months.get(month) ?? 0) + 1);
  }
  assert.ok((months.get(6) ?? 0) > 1.2 * (months.get(1) ?? 0), JSON.stringify([...months]));
});

test('without seasons the timeline is uniform', () => {
  const line = timeline(END, 10, false);
  assert.equal(timeAt(line, 0.35), line.startMs + 3.5 * DAY_MS);
});

test('screening days cover the span by UTC day, today up to now', () => {
  const line = timeline(END, 3, false);
  const days = screeningDays(line, 1000);
  assert.deepEqual(days.map((d) => d.day), ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']);
  assert.equal(days[1]?.travellers, 1000);
  assert.equal(days[3]?.travellers, 250); // 06:00 of 24 hours
});
