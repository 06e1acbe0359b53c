import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitPeriod } from './weekly-source';

const DAY_MS = 86_400_000;
const days = (first: string, last: string) => {
  const out: string[] = [];
  for (let time = Date.parse(`${first}T00:00:00Z`); time <= Date.parse(`${last}T00:00:00Z`); time += DAY_MS) out.push(new Date(time).toISOString().slice(0, 10));
  return out;
};
const weekDays = (monday: string) => days(monday, new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * DAY_MS).toISOString().slice(0, 10));

test('a year by week: whole weeks from Monday to Sunday, the days before the first and after the last one by one', () => {
  const { weeks, days: single } = splitPeriod('2025-11-27', '2026-11-26', 'week');
  assert.equal(weeks[0], '2025-12-01');
  assert.equal(weeks.at(-1), '2026-11-16');
  assert.deepEqual(single, ['2025-11-27', '2025-11-28', '2025-11-29', '2025-11-30', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']);
});

test('every day of any period is read exactly once; by day no week is whole, by month no whole week straddles two months', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let round = 0; round < 300; round++) {
    const first = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 700) * DAY_MS).toISOString().slice(0, 10);
    const last = new Date(Date.parse(`${first}T00:00:00Z`) + Math.floor(random() * 400) * DAY_MS).toISOString().slice(0, 10);
    for (const unit of ['day', 'week', 'month', null] as const) {
      const { weeks, days: single } = splitPeriod(first, last, unit);
      const covered = [...weeks.flatMap(weekDays), ...single].sort();
      assert.deepEqual(covered, days(first, last), `${first}..${last} by ${unit}`);
      for (const monday of weeks) assert.equal(new Date(`${monday}T00:00:00Z`).getUTCDay(), 1);
      if (unit === 'day') assert.deepEqual(weeks, []);
      if (unit === 'month') for (const monday of weeks) assert.equal(weekDays(monday)[0]!.slice(0, 7), weekDays(monday)[6]!.slice(0, 7));
    }
  }
});
