import type { HitEscalationState } from './escalation';
import type { ClearReason, HitStatus, RevealableField } from './hit';

// The hit detail as the server sends it (server/hits/get-hit.ts). Identifying traveller
// values arrive masked; the client only ever holds the clear value of a field it revealed.

export type MatchField = 'familyName' | 'givenNames' | 'dateOfBirth' | 'nationality' | 'document';
export type MatchMethod = 'exact' | 'transliteration' | 'phonetic' | 'alias' | 'fuzzy' | 'none' | 'absent';
export type DatePrecision = 'DAY' | 'MONTH' | 'YEAR';

/**
 * One field of the hit's explanation. `travellerValue` is masked for identifying fields; the
 * server reads it from the traveller row (the stored explanation holds none, since issue 11).
 */
export interface FieldExplanation {
  field: MatchField;
  method: MatchMethod;
  travellerValue: string | null;
  /** Which traveller field holds the value, so a revealed value can replace the masked one. */
  travellerField: RevealableField | 'nationality' | null;
  entryValue: string | null;
  similarity: number | null;
  agrees: boolean | null;
  precision?: DatePrecision;
  /** The traveller's value was cleared by the retention job (PNR art. 12(2)): null, not absent. */
  maskedByRetention?: true;
  /** For a date of birth retention cleared: the year of birth it keeps (PNR art. 12(2) masks the day and month). */
  retainedYear?: string;
}

export interface TravellerFieldView {
  key: string;
  label: string;
  /** Masked when `masked`; null when the traveller has no value. */
  value: string | null;
  masked: boolean;
  /** Set when the field can be revealed with a purpose. */
  revealable: RevealableField | null;
}

export interface EntryDateOfBirth {
  value: string;
  precision: DatePrecision;
  to?: string;
}

export interface WatchlistEntryView {
  id: string;
  externalId: string;
  version: number;
  type: 'INDIVIDUAL' | 'ENTITY' | 'VESSEL' | 'AIRCRAFT';
  primaryName: string;
  aliases: { name: string; quality: string }[];
  datesOfBirth: EntryDateOfBirth[];
  nationalities: string[];
  documents: { type: string; number: string; country: string | null }[];
  programs: string[];
  offenceCategory: string;
  legalBasis: string;
  remarks: string | null;
  expiresAt: string | null;
  sourceCode: string;
  sourceName: string;
}

export type TimelineKind =
  | 'CREATED'
  | 'CLAIMED'
  | 'RELEASED'
  | 'ASSIGNED'
  | 'CLEARED'
  | 'CONFIRMED'
  | 'ESCALATION_REQUESTED'
  | 'ESCALATION_WITHDRAWN'
  | 'ESCALATION_APPROVED'
  | 'ESCALATION_REJECTED'
  | 'REOPENED'
  | 'NOTE_ADDED'
  | 'VIEWED'
  | 'REVEALED';

export interface TimelineEntry {
  id: string;
  kind: TimelineKind;
  at: string;
  actorName: string | null;
  /** A sentence for people: "revealed Family name — Compare identity with the watchlist entry". */
  text: string;
  note: string | null;
}

export interface HitDetail {
  id: string;
  /** The traveller's name masked: "M. A****". */
  maskedName: string;
  status: HitStatus;
  version: number;
  score: number;
  priority: number;
  offenceCategory: string;
  createdAt: string;
  dueAt: string;
  flightDate: string;
  assignee: { id: string; name: string } | null;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  clearReason: ClearReason | null;
  /** Set when retention has masked the traveller: reveal then needs an approved re-personalisation. */
  travellerMaskedAt: string | null;
  traveller: {
    /** Passport and API data. */
    api: TravellerFieldView[];
    /** Booking (PNR) data. */
    booking: TravellerFieldView[];
    itinerary: { flightNumber: string; from: string; to: string; date: string }[];
  };
  entry: WatchlistEntryView;
  explanation: FieldExplanation[];
  timeline: TimelineEntry[];
  /** The latest escalation request of this hit, if any. */
  escalation: HitEscalationState | null;
  /** What the signed-in user may do here; the server checks again on every request. */
  can: { decide: boolean; reveal: boolean; claim: boolean; release: boolean; assign: boolean; note: boolean; escalate: boolean };
  currentUserId: string;
}

export interface RevealResult {
  field: RevealableField;
  value: string | null;
}
