import { z } from 'zod';
import { INT4_MAX } from '@/lib/storable-values';
import type { HitDetail } from './hit-detail';
import { DATA_CATEGORIES, LEGAL_BASES, MIN_JUSTIFICATION, OFFENCE_CATEGORIES, URGENCIES, type DataCategory, type LegalBasis, type Urgency } from './escalation-values';

// What the browser needs without zod is in escalation-values.ts (zod loads with a form's submit).
export * from './escalation-values';

// The escalation resource: the analyst's request with its recorded justification, the
// supervisor's decision, and the disclosure package an approval produces.


const justification = (what: string) =>
  z
    .string({ error: `Describe ${what}.` })
    .trim()
    .min(MIN_JUSTIFICATION, `Describe ${what} in at least ${MIN_JUSTIFICATION} characters.`)
    .max(4000, 'At most 4,000 characters.');

const keysOf = <T extends Record<string, string>>(record: T) => Object.keys(record) as [keyof T & string, ...(keyof T & string)[]];

export const escalationRequestSchema = z.object({
  legalBasis: z.enum(keysOf(LEGAL_BASES), { error: 'Choose the legal basis.' }),
  offenceCategory: z
    .string({ error: 'Choose the offence category.' })
    .refine((value) => OFFENCE_CATEGORIES.includes(value), 'Choose the offence category.'),
  objectiveFacts: justification('the objective facts that link this traveller to the offence'),
  necessity: justification('why the step is necessary and proportionate'),
  dataCategories: z
    .array(z.enum(keysOf(DATA_CATEGORIES)), { error: 'Choose the data to disclose.' })
    .min(1, 'Choose at least one category of data to disclose.')
    .transform((values) => [...new Set(values)]),
  recipientId: z.uuid({ error: 'Choose the recipient authority.' }),
  urgency: z.enum(keysOf(URGENCIES), { error: 'Choose the urgency.' }),
  /** The hit version the analyst saw: a hit changed meanwhile is not escalated blind. */
  hitVersion: z.number({ error: 'The hit’s version is missing: reload the page.' }).int().positive().max(INT4_MAX, 'Not a version of this hit: reload the page.'),
});
export type EscalationRequestInput = z.infer<typeof escalationRequestSchema>;

const version = z.number().int().positive().max(INT4_MAX, 'Not a version of this request: reload the page.');

export const escalationDecisionSchema = z.discriminatedUnion(
  'decision',
  [
    z.object({ decision: z.literal('approve'), note: z.string().trim().max(2000).optional(), version }),
    z.object({
      decision: z.literal('reject'),
      note: z.string({ error: 'Say why the request is rejected.' }).trim().min(10, 'Say in at least 10 characters why the request is rejected.').max(2000),
      version,
    }),
  ],
  { error: 'Choose approve or reject.' },
);
export type EscalationDecisionInput = z.infer<typeof escalationDecisionSchema>;

export const repersonalisationReviewSchema = z.object({
  note: z.string().trim().min(10, 'Record your review in at least 10 characters.').max(2000),
});

export const ESCALATION_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];
export const escalationListFilterSchema = z.object({
  status: z.enum([...ESCALATION_STATUSES, 'DECIDED', 'ALL']).catch('PENDING'),
});

// ---- What the server sends -------------------------------------------------------------

export interface EscalationSummary {
  id: string;
  hitId: string;
  status: EscalationStatus;
  urgency: Urgency;
  legalBasis: LegalBasis;
  offenceCategory: string;
  requesterId: string;
  requesterName: string;
  recipientName: string;
  /** Masked: "M. A****". */
  travellerName: string;
  createdAt: string;
  decidedAt: string | null;
  deciderName: string | null;
  /** Pending longer than the configured limit. */
  overdue: boolean;
  repersonalisation: boolean;
  version: number;
}

export interface EscalationDetail extends EscalationSummary {
  objectiveFacts: string;
  necessity: string;
  dataCategories: DataCategory[];
  decisionNote: string | null;
  /** The hit as its detail page shows it (masked; reveal works as in triage). */
  hit: HitDetail;
  can: { approve: boolean; reject: boolean; withdraw: boolean; openPackage: boolean };
  /** Why the signed-in user may not decide, when they may not (e.g. their own request). */
  cannotDecideBecause: string | null;
  package: { id: string; expiresAt: string; expired: boolean } | null;
}

/** The escalation state a hit's detail page shows. */
export interface HitEscalationState {
  id: string;
  status: EscalationStatus;
  requesterName: string;
  createdAt: string;
  deciderName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  canWithdraw: boolean;
  canOpenPackage: boolean;
}

export interface DisclosurePackageView {
  id: string;
  escalationId: string;
  recipient: { name: string; country: string };
  legalBasis: string;
  offenceCategory: string;
  categories: { key: DataCategory; label: string; fields: { label: string; value: string | null }[] }[];
  itinerary: { flightNumber: string; from: string; to: string; date: string }[] | null;
  watchlistEntry: { source: string; externalId: string; primaryName: string; offenceCategory: string; legalBasis: string };
  approvedBy: string;
  approvedAt: string;
  requestedBy: string;
  expiresAt: string;
  createdAt: string;
}

/** One approved re-personalisation as the privacy officer's review list shows it. */
export interface RepersonalisationReviewItem {
  id: string;
  hitId: string;
  approvedAt: string;
  approverName: string;
  requesterName: string;
  recipientName: string;
  legalBasis: string;
  offenceCategory: string;
  reviewedAt: string | null;
  reviewerName: string | null;
  reviewNote: string | null;
}
