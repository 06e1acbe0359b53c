import 'server-only';
import type { DatePrecision, FieldExplanation } from '@/lib/schemas/hit-detail';

// The engine's whole input model. It holds names, dates of birth, nationality and document
// numbers only: no religion, ethnicity, health, sex or any other protected attribute exists
// here, so no screening criterion can use one.

/** One screened traveller, as the passport and booking give them. */
export interface ScreeningTraveller {
  familyName: string | null;
  givenNames: string | null;
  /** YYYY-MM-DD */
  dateOfBirth: string | null;
  /** ISO 3166 alpha-3 */
  nationality: string | null;
  documentNumber: string | null;
}

export interface ScreeningDateOfBirth {
  /** `1951-06-19`, `1951-06` or `1951`, matching `precision`. */
  value: string;
  precision: DatePrecision;
  /** Upper end of a range (`1955` to `1958`), in its own precision. */
  to?: string;
}

/** One listed person or organisation; only INDIVIDUAL entries are screened against travellers. */
export interface ScreeningEntry {
  id: string;
  version: number;
  type: 'INDIVIDUAL' | 'ENTITY' | 'VESSEL' | 'AIRCRAFT';
  primaryName: string;
  familyName: string | null;
  givenNames: string | null;
  /** `SURNAME, Given` or a whole name; weak aliases (nicknames) count less. */
  aliases: readonly { name: string; quality?: 'strong' | 'weak' }[];
  datesOfBirth: readonly ScreeningDateOfBirth[];
  /** ISO 3166 alpha-3 */
  nationalities: readonly string[];
  documents: readonly { number: string; type?: string; country?: string | null }[];
}

/** A traveller matched to an entry: what the screening service stores as a Hit. */
export interface ScreeningMatch {
  entryId: string;
  entryVersion: number;
  /** 0..1, three decimals. */
  score: number;
  /** Five items, in the order familyName, givenNames, dateOfBirth, nationality, document. */
  explanation: FieldExplanation[];
  /** The listed name that matched best: the entry's primary name or one alias, as listed. */
  matchedName: string;
}
