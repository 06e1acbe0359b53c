// The hit queue's statuses, sorts and URL, the decision and reveal choices, without zod: what the
// browser's forms and lists need at first load. hit.ts re-exports it all; the forms load hit.ts (and
// zod with it) when submitted.

export const HIT_STATUSES = ['NEW', 'IN_REVIEW', 'CLEARED', 'CONFIRMED', 'ESCALATION_PENDING', 'ESCALATED'] as const;

export type HitStatus = (typeof HIT_STATUSES)[number];

export const OPEN_HIT_STATUSES: readonly HitStatus[] = ['NEW', 'IN_REVIEW', 'ESCALATION_PENDING'];

/** Statuses in which a person may still clear, confirm or escalate the hit. */
export const DECIDABLE_HIT_STATUSES: readonly HitStatus[] = ['NEW', 'IN_REVIEW'];

export const HIT_SORTS = ['deadline', 'score', 'age'] as const;

export type HitSort = (typeof HIT_SORTS)[number];

export const HIT_ASSIGNEE_FILTERS = ['me', 'unassigned', 'anyone'] as const;

/** The queue's URL parameters, in order: the keys of hit.ts's hitFilterFields (hit.test.ts checks they agree). */
export const HIT_FILTER_KEYS = ['status', 'source', 'offence', 'scoreMin', 'scoreMax', 'flightFrom', 'flightTo', 'assignee', 'overdue', 'sort', 'cursor'] as const;

export interface HitQuery {
  status: 'open' | 'all' | HitStatus;
  source?: string;
  offence?: string;
  scoreMin?: number;
  scoreMax?: number;
  flightFrom?: string;
  flightTo?: string;
  assignee: (typeof HIT_ASSIGNEE_FILTERS)[number];
  overdue?: boolean;
  sort: HitSort;
  cursor?: string;
}

export const DEFAULT_HIT_QUERY: HitQuery = { status: 'open', assignee: 'anyone', sort: 'deadline' };

/** The URL parameters of a query, defaults left out, so URLs stay short and shareable. */
export function hitQueryToParams(query: Partial<HitQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of HIT_FILTER_KEYS) {
    const value = query[key];
    if (value === undefined || value === null || value === '') continue;
    if ((DEFAULT_HIT_QUERY as unknown as Record<string, unknown>)[key] === value) continue;
    params.set(key, String(value));
  }
  return params;
}

export const CLEAR_REASONS = {
  DIFFERENT_DOB: 'Different date of birth',
  DIFFERENT_NATIONALITY: 'Different nationality',
  DIFFERENT_DOCUMENT: 'Different travel document',
  COMMON_NAME_PART: 'Only a common name part matches',
  PREVIOUSLY_CLEARED: 'Previously cleared person',
  OTHER: 'Other (explain in the note)',
} as const;

export type ClearReason = keyof typeof CLEAR_REASONS;

export const REVEAL_PURPOSES = {
  IDENTITY_COMPARISON: 'Compare identity with the watchlist entry',
  DOCUMENT_CHECK: 'Check the travel document',
  CONTACT_VERIFICATION: 'Verify contact or booking details',
  ESCALATION_PREPARATION: 'Prepare an escalation',
  OTHER: 'Other (explain)',
} as const;

export type RevealPurpose = keyof typeof REVEAL_PURPOSES;
