import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judgeGroup } from './disparity-flags';
import { funnelRates, rate } from './rates';

test('a group is flagged only beyond 1.25× or below 0.8× the overall rate', () => {
  assert.equal(judgeGroup(26, 100, 30, 0.2).flag, 'higher'); // 1.3×
  assert.equal(judgeGroup(25, 100, 30, 0.2).flag, 'within'); // exactly 1.25×: on the line, not beyond it
  assert.equal(judgeGroup(16, 100, 30, 0.2).flag, 'within'); // exactly 0.8×
  assert.equal(judgeGroup(15, 100, 30, 0.2).flag, 'lower'); // 0.75×
  assert.deepEqual(judgeGroup(26, 100, 30, 0.2), { rate: 0.26, ratio: 0.26 / 0.2, flag: 'higher' });
});

test('a group below the minimum is too few to say, and shows no rate', () => {
  assert.deepEqual(judgeGroup(20, 29, 30, 0.2), { rate: null, ratio: null, flag: 'too-few' });
  assert.equal(judgeGroup(20, 30, 30, 0.2).flag, 'higher'); // at the minimum: judged
});

test('with no overall rate there is nothing to compare against', () => {
  assert.deepEqual(judgeGroup(0, 40, 30, 0), { rate: 0, ratio: null, flag: 'no-baseline' });
  assert.deepEqual(judgeGroup(0, 40, 30, null), { rate: 0, ratio: null, flag: 'no-baseline' });
});

test('a rate of nothing is no rate; funnel stages divide by the stage they follow', () => {
  assert.equal(rate(0, 0), null);
  assert.equal(rate(1, 4), 0.25);
  const rates = funnelRates({ screened: 1000, hits: 10, reviewed: 8, cleared: 6, confirmed: 2, escalationRequested: 1, approved: 0, disclosed: 0 });
  assert.deepEqual(rates, { hits: 0.01, reviewed: 0.8, cleared: 0.75, confirmed: 0.25, escalationRequested: 0.5, approved: 0, disclosed: null });
});
