import { z } from 'zod';
import { INT4_MAX, isStorableDate } from '@/lib/storable-values';
import { CLEAR_REASONS, DEFAULT_HIT_QUERY, HIT_ASSIGNEE_FILTERS, HIT_SORTS, HIT_STATUSES, REVEAL_PURPOSES, type ClearReason, type HitQuery, type HitStatus, type RevealPurpose } from './hit-values';

// What the browser needs without zod is in hit-values.ts (zod loads with a form's submit).
export * from './hit-values';

// The hit resource: the queue's filters, the decisions, and the shapes the server sends.
// Shared by the queue page, the route handlers under app/api/v1/hits and server/hits.

export const HIT_PAGE_SIZE = 50;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-25.').refine(isStorableDate, 'Not a real date.');
const score = z.coerce.number().min(0, 'A score is between 0 and 1.').max(1, 'A score is between 0 and 1.');

// Each filter parses on its own: an invalid one is dropped with a notice, the rest still apply.
export const hitFilterFields = {
  status: z.union([z.literal('open'), z.literal('all'), z.enum(HIT_STATUSES)]),
  source: z.string().trim().min(1).max(64),
  offence: z.string().trim().min(1).max(200),
  scoreMin: score,
  scoreMax: score,
  flightFrom: isoDate,
  flightTo: isoDate,
  assignee: z.enum(HIT_ASSIGNEE_FILTERS),
  overdue: z.enum(['true', 'false']).transform((value) => value === 'true'),
  sort: z.enum(HIT_SORTS),
  cursor: z.string().max(400),
} as const;

export type HitFilterKey = keyof typeof hitFilterFields;

export interface HitQueryParse {
  query: HitQuery;
  /** Human-readable notices for the parameters that were ignored. */
  ignored: { key: string; message: string }[];
}

const FILTER_LABELS: Record<HitFilterKey, string> = {
  status: 'status',
  source: 'watchlist',
  offence: 'offence category',
  scoreMin: 'minimum score',
  scoreMax: 'maximum score',
  flightFrom: 'flight date from',
  flightTo: 'flight date to',
  assignee: 'assignee',
  overdue: 'deadline passed',
  sort: 'sort order',
  cursor: 'page position',
};

/**
 * Reads the queue's URL parameters. Never throws: a bad parameter is ignored and named
 * in `ignored`, so a mistyped bookmark shows the queue with a notice instead of an error.
 */
export function parseHitQuery(params: URLSearchParams | Record<string, string | string[] | undefined>): HitQueryParse {
  const get = (key: string): string | undefined => {
    if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const query: HitQuery = { ...DEFAULT_HIT_QUERY };
  const ignored: HitQueryParse['ignored'] = [];
  for (const key of Object.keys(hitFilterFields) as HitFilterKey[]) {
    const raw = get(key);
    if (raw === undefined || raw === '') continue;
    // U+0000 fits no text column (lib/storable-values.ts): such a filter could only fail in the database.
    const parsed = raw.includes('\u0000') ? null : hitFilterFields[key].safeParse(raw);
    if (parsed?.success) (query as unknown as Record<string, unknown>)[key] = parsed.data;
    else ignored.push({ key, message: `The ${FILTER_LABELS[key]} “${raw.slice(0, 40)}” is not valid and was ignored.` });
  }
  if (query.scoreMin !== undefined && query.scoreMax !== undefined && query.scoreMin > query.scoreMax) {
    ignored.push({ key: 'scoreMax', message: 'The maximum score is below the minimum and was ignored.' });
    delete query.scoreMax;
  }
  if (query.flightFrom && query.flightTo && query.flightFrom > query.flightTo) {
    ignored.push({ key: 'flightTo', message: 'The flight date range ends before it starts; its end was ignored.' });
    delete query.flightTo;
  }
  return { query, ignored };
}

// ---- Decisions -------------------------------------------------------------------------

const clearReasonKeys = Object.keys(CLEAR_REASONS) as [ClearReason, ...ClearReason[]];

const note = z.string().trim().max(2000, 'A note has at most 2,000 characters.');
const version = z.number({ error: 'The hit’s version is missing: reload the page.' }).int().positive().max(INT4_MAX, 'Not a version of this hit: reload the page.');

export const hitDecisionSchema = z.discriminatedUnion(
  'decision',
  [
    z
      .object({
        decision: z.literal('clear'),
        reason: z.enum(clearReasonKeys, { error: 'Choose why this hit is a false positive.' }),
        note: note.optional(),
        version,
      })
      .refine((value) => value.reason !== 'OTHER' || (value.note?.length ?? 0) >= 10, {
        path: ['note'],
        message: 'With “Other”, say in at least 10 characters why this is a false positive.',
      }),
    z.object({
      decision: z.literal('confirm'),
      note: note.min(10, 'Say in at least 10 characters why this is a true match.'),
      version,
    }),
  ],
  { error: 'Choose a decision: clear or confirm.' },
);
export type HitDecisionInput = z.infer<typeof hitDecisionSchema>;

export const hitNoteSchema = z.object({ note: note.min(1, 'Write a note.') });

// ---- Reveal ----------------------------------------------------------------------------

export const REVEALABLE_FIELDS = {
  familyName: 'Family name',
  givenNames: 'Given names',
  dateOfBirth: 'Date of birth',
  documentNumber: 'Document number',
  contactEmail: 'Email',
  contactPhone: 'Phone',
  address: 'Address',
  paymentSummary: 'Payment',
  frequentFlyerNumber: 'Frequent-flyer number',
  generalRemarks: 'General remarks',
} as const;
export type RevealableField = keyof typeof REVEALABLE_FIELDS;

export const revealSchema = z
  .object({
    field: z.enum(Object.keys(REVEALABLE_FIELDS) as [RevealableField, ...RevealableField[]], {
      error: 'This field cannot be revealed.',
    }),
    purpose: z.enum(Object.keys(REVEAL_PURPOSES) as [RevealPurpose, ...RevealPurpose[]], {
      error: 'Choose a purpose.',
    }),
    purposeNote: z.string().trim().max(500, 'At most 500 characters.').optional(),
  })
  .refine((value) => value.purpose !== 'OTHER' || (value.purposeNote?.length ?? 0) >= 5, {
    path: ['purposeNote'],
    message: 'With “Other”, describe the purpose in at least 5 characters.',
  });
export type RevealInput = z.infer<typeof revealSchema>;

// ---- Assignment ------------------------------------------------------------------------

export const assignHitsSchema = z.object({
  hitIds: z.array(z.uuid({ error: 'Not a hit id.' })).min(1, 'Select at least one hit.').max(200, 'Assign at most 200 hits at once.'),
  assigneeId: z.uuid({ error: 'Choose a person.' }).nullable(),
});
export type AssignHitsInput = z.infer<typeof assignHitsSchema>;

export const hitIdSchema = z.uuid({ error: 'Not a hit id.' });

// ---- What the server sends -------------------------------------------------------------

export interface HitListItem {
  id: string;
  /** Masked: "M. A****". */
  travellerName: string;
  nationality: string | null;
  yearOfBirth: number | null;
  score: number;
  priority: number;
  sourceCode: string;
  sourceName: string;
  offenceCategory: string;
  status: HitStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  flightNumber: string;
  flightDate: string;
  createdAt: string;
  dueAt: string;
  version: number;
}

export interface HitListPage {
  items: HitListItem[];
  /** Opaque keyset cursor of the next page, null on the last page. */
  nextCursor: string | null;
  /** Set when the cursor asked for could not be read, so the first page was shown instead. */
  cursorIgnored?: boolean;
}

export const CURSOR_IGNORED_NOTICE = 'The page position in the address is not valid; the first page is shown.';

export interface HitClaimResult {
  id: string;
  assigneeId: string | null;
  assigneeName: string | null;
  status: HitStatus;
  version: number;
}
