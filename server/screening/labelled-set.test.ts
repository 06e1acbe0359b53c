import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildLabelledSet } from './labelled-set';
import { measurePrecisionRecall } from './precision-recall';
import { sdnEntries, sdnIndex } from './sdn-list.test-helper';

// Floors a little under what was measured (README.md), so that a change that makes the
// engine worse fails here; not the measured figures themselves.
const PRECISION_FLOOR = 0.88;
const RECALL_FLOOR = 0.97;

describe('the labelled set from the SDN list', () => {
  const cases = buildLabelledSet(sdnEntries());

  it('is deterministic and balanced', () => {
    assert.deepEqual(buildLabelledSet(sdnEntries()), cases);
    assert.equal(cases.filter((c) => c.expectedEntryId !== null).length, 2000);
    assert.equal(cases.filter((c) => c.expectedEntryId === null).length, 2000);
    assert.notDeepEqual(buildLabelledSet(sdnEntries(), { seed: 1 }), cases);
  });

  it(`reaches precision ≥ ${PRECISION_FLOOR} and recall ≥ ${RECALL_FLOOR} at the default thresholds`, () => {
    const measured = measurePrecisionRecall(cases, sdnIndex());
    assert.ok(measured.precision >= PRECISION_FLOOR, `precision ${measured.precision}`);
    assert.ok(measured.recall >= RECALL_FLOOR, `recall ${measured.recall}`);
    // People who are not listed are almost never hit.
    assert.ok(measured.negativesHit / measured.negatives < 0.02, `${measured.negativesHit} of ${measured.negatives}`);
  });

  it('finds fewer listed people at a stricter threshold, and hits fewer others', () => {
    const strict = measurePrecisionRecall(cases, sdnIndex(), { minScore: 0.85, minNameSimilarity: 0.95 });
    const usual = measurePrecisionRecall(cases, sdnIndex());
    assert.ok(strict.recall < usual.recall);
    assert.ok(strict.hits < usual.hits);
  });
});
