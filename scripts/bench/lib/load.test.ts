import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runLoadsInTurns, warmSample } from './load.mts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('operations measured in turns alternate, and each answer merges its own turns', async () => {
  const order: string[] = [];
  const seen: Record<string, number[]> = { a: [], b: [] };
  const op = (name: 'a' | 'b', ms: number) => async (_client: number, i: number) => {
    if (order.at(-1) !== name) order.push(name);
    seen[name]!.push(i);
    await pause(ms);
  };
  const [a, b] = await runLoadsInTurns([op('a', 2), op('b', 12)], { clients: 2, durationMs: 300, rounds: 3 });
  assert.deepEqual(order, ['a', 'b', 'a', 'b', 'a', 'b']);
  assert.equal(a!.count, seen.a!.length);
  assert.equal(b!.count, seen.b!.length);
  // Each answer is its own operation's: the slow one's median is the slow one's.
  assert.ok(b!.p50 >= 10 && a!.p50 < 10, `a ${a!.p50} b ${b!.p50}`);
  // A later turn goes on with the indexes (pools hand out one item per index).
  assert.equal(new Set(seen.a).size, seen.a!.length);
  assert.deepEqual(seen.a, [...seen.a!].sort((x, y) => x - y));
});

test('warming a sample reads each of its items once, and a single item or none is left to the warm-up', async () => {
  const read: number[] = [];
  await warmSample(async (i) => void read.push(i), 5, 2);
  assert.deepEqual([...read].sort((a, b) => a - b), [0, 1, 2, 3, 4]);
  await warmSample(async (i) => void read.push(i + 100), 1, 2);
  await warmSample(async (i) => void read.push(i + 200), undefined, 2);
  assert.equal(read.length, 5);
});
