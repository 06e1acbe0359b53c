import 'server-only';
import directive from '@/lib/reference/pnr-directive.json';
import type { FieldExplanation } from '@/lib/schemas/hit-detail';

/**
 * Where a new hit starts in the queue, 1 (first) to 5: a document number that agrees
 * outweighs any name score; terrorism moves a hit up one step. The 12-hour deadline
 * applies to every hit whatever its priority.
 */
export function hitPriority(score: number, offenceCategory: string, explanation: readonly Pick<FieldExplanation, 'field' | 'agrees'>[]): number {
  if (explanation.some((item) => item.field === 'document' && item.agrees === true)) return 1;
  const base = score >= 0.85 ? 2 : score >= 0.7 ? 3 : score >= 0.55 ? 4 : 5;
  return Math.max(1, base - (offenceCategory === 'terrorism' ? 1 : 0));
}

/** ETIAS-style: a person reviews every hit within 12 hours of its creation. */
export const REVIEW_DEADLINE_MS = directive.scaleAnchors.etiasManualVerificationHours.value * 3_600_000;
