// The data-set profiles of `npm run seed -- --profile <name>`: a large unit's years of work
// (DESIGN.md: about 1,000 hits and 1.2 million travellers screened a day, five years kept,
// tens of millions of access events). One-year is the same unit over one year, so every
// count is a fifth; `--scale` multiplies the counts again (small profiles for tests).
import type { Outcomes } from '../scale-data.mts';

export interface Profile {
  name: string;
  /** Days the data spread over, ending now. */
  days: number;
  /** Hits in the database when done (with the normal seed's), one traveller each. */
  hits: number;
  /** Events in the access log when done (the head's lastSeq). */
  accessEvents: number;
  /** Escalation requests the hits older than two days should have (approved or rejected). */
  escalations: number;
  /** Of the escalation requests, the share rejected (the hit then confirmed). */
  rejectedShare: number;
  /** Share of the hits older than two days that the analysts confirmed without escalating. */
  confirmedShare: number;
  /** Share still in review after two days. */
  inReviewShare: number;
  /** Travellers screened on an average day, in batches of `batchSize` (POST /api/v1/screenings takes 1,000). */
  travellersPerDay: number;
  batchSize: number;
  /** Share of access events that are reveals of a masked field for a stated purpose. */
  revealShare: number;
  seasonal: boolean;
}

const FIVE_YEARS: Profile = {
  name: 'five-years',
  days: 5 * 365,
  hits: 2_000_000,
  accessEvents: 40_000_000,
  escalations: 50_000,
  rejectedShare: 0.1,
  confirmedShare: 0.02,
  inReviewShare: 0.005,
  travellersPerDay: 1_200_000,
  batchSize: 1000,
  revealShare: 0.02,
  seasonal: true,
};

export const PROFILES: Readonly<Record<string, Profile>> = {
  'five-years': FIVE_YEARS,
  'one-year': { ...FIVE_YEARS, name: 'one-year', days: 365, hits: 400_000, accessEvents: 8_000_000, escalations: 10_000 },
};

/** The profile with its counts multiplied by `scale` (the rates, shares and span stay). */
export function profileFor(name: string, scale = 1): Profile {
  const profile = PROFILES[name];
  if (!profile) throw new Error(`Unknown profile "${name}": use ${Object.keys(PROFILES).join(' or ')}.`);
  if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be more than 0 and at most 1, got ${scale}`);
  const scaled = (n: number) => Math.max(1, Math.round(n * scale));
  return {
    ...profile,
    hits: scaled(profile.hits),
    accessEvents: scaled(profile.accessEvents),
    escalations: scaled(profile.escalations),
    travellersPerDay: scaled(profile.travellersPerDay),
  };
}

/** The profile's outcome shares for scale-data.mts: what is not confirmed, escalated or in review is cleared. */
export function profileOutcomes(profile: Profile): Outcomes {
  const escalationShare = Math.min(0.5, profile.escalations / profile.hits);
  const escalated = escalationShare * (1 - profile.rejectedShare);
  const escalationRejected = escalationShare * profile.rejectedShare;
  return {
    cleared: 1 - profile.confirmedShare - escalated - escalationRejected - profile.inReviewShare,
    confirmed: profile.confirmedShare,
    escalated,
    escalationRejected,
  };
}
