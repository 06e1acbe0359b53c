import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { probesFor } from './fuzz-probes';
import { API_ROUTES, type Objects } from './route-manifest';

// The fuzz suite's requests are a function of the seed alone (./fuzz-probes.ts): two runs
// with different objects send the same requests but for the objects' ids, so a failure in
// one run replays in the next. (No server needed: the probes are only generated here.)

const ROUTES = API_ROUTES.filter((entry) => !entry.skip);

function runObjects(): { objects: Objects; ids: string[] } {
  const objects: Objects = {
    id: randomUUID(), recipientId: randomUUID(), otherHitId: randomUUID(), otherAnalystId: randomUUID(), watchlistThreshold: 0.8, anomalyRule: 'UNASSIGNED_CONSULTATION',
  };
  return { objects, ids: [objects.id, objects.recipientId, objects.otherHitId, objects.otherAnalystId] };
}

/** A run's probes with its ids written as their place in the run's list, for comparing runs. */
function probesOfRun(): string[] {
  const { objects, ids } = runObjects();
  return ROUTES.flatMap((entry, index) => {
    const id = entry.object === undefined ? undefined : objects.id;
    return probesFor(entry, objects, id, index).map((probe) => {
      const text = JSON.stringify({ ...probe, body: probe.body?.toString('latin1') });
      return ids.reduce((out, value, k) => out.replaceAll(value, `<object ${k}>`), text);
    });
  });
}

test('two runs with different objects send the same requests', () => {
  const first = probesOfRun();
  const second = probesOfRun();
  expect(first.length).toBeGreaterThan(1000);
  expect(second).toEqual(first);
  // The run's ids reach the requests: some carry them unbent.
  expect(first.filter((probe) => probe.includes('<object 0>')).length).toBeGreaterThan(10);
});
