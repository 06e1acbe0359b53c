import 'server-only';
import type { CaseKind, LabelledCase } from './labelled-set';
import { screenTraveller } from './screen-traveller';
import type { ScreeningIndex } from './screening-index';
import type { ScreeningThresholds } from './screening-thresholds';

export interface PrecisionRecall {
  /** Hits on the right person / all hits (a positive's hit on another listed person is a false hit). */
  precision: number;
  /** Positives whose listed person was hit / positives. */
  recall: number;
  positives: number;
  negatives: number;
  hits: number;
  correctHits: number;
  /** Negatives with at least one hit. */
  negativesHit: number;
  /** Per kind of case: how many, and how many were hit (the right person, for positives). */
  byKind: Partial<Record<CaseKind, { cases: number; hit: number }>>;
}

/** Screens every labelled case and counts hits against the labels. */
export function measurePrecisionRecall(cases: readonly LabelledCase[], index: ScreeningIndex, thresholds?: ScreeningThresholds): PrecisionRecall {
  const result: PrecisionRecall = { precision: 0, recall: 0, positives: 0, negatives: 0, hits: 0, correctHits: 0, negativesHit: 0, byKind: {} };
  let found = 0;
  for (const labelled of cases) {
    const matches = screenTraveller(labelled.traveller, index, thresholds);
    const right = labelled.expectedEntryId !== null && matches.some((match) => match.entryId === labelled.expectedEntryId);
    const kind = (result.byKind[labelled.kind] ??= { cases: 0, hit: 0 });
    kind.cases += 1;
    result.hits += matches.length;
    if (labelled.expectedEntryId === null) {
      result.negatives += 1;
      if (matches.length > 0) {
        result.negativesHit += 1;
        kind.hit += 1;
      }
      continue;
    }
    result.positives += 1;
    if (right) {
      found += 1;
      result.correctHits += 1;
      kind.hit += 1;
    }
  }
  result.precision = result.hits === 0 ? 1 : result.correctHits / result.hits;
  result.recall = result.positives === 0 ? 1 : found / result.positives;
  return result;
}
