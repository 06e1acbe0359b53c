import type { DatePrecision, FieldExplanation, MatchField, MatchMethod } from '@/lib/schemas/hit-detail';

// Turns a hit's per-field explanation into one plain sentence a field, so an analyst reads
// why the traveller matched instead of decoding methods and scores. Pure: the server and
// the hit page can both use it. Traveller values may arrive masked ("A****", "1951-••-••");
// every sentence is built to read correctly with a masked or a revealed value. Once the
// retention job has masked the traveller (`maskedByRetention`), the value is gone from the
// traveller row the server fills it from, and the sentence says so instead of a dash.

export type ExplanationVerdict = 'agrees' | 'differs' | 'near' | 'unknown';

export interface ExplanationSentence {
  field: MatchField;
  label: string;
  verdict: ExplanationVerdict;
  text: string;
}

const LABELS: Readonly<Record<MatchField, string>> = {
  familyName: 'Family name',
  givenNames: 'Given names',
  dateOfBirth: 'Date of birth',
  nationality: 'Nationality',
  document: 'Document number',
};

// What "the list gives no …" and "the traveller has no … on record" name, in running text.
const NOUNS: Readonly<Record<MatchField, string>> = {
  familyName: 'family name',
  givenNames: 'given names',
  dateOfBirth: 'date of birth',
  nationality: 'nationality',
  document: 'document number',
};

const METHOD_WORDS: Readonly<Partial<Record<MatchMethod, string>>> = {
  exact: 'exact',
  transliteration: 'transliteration',
  phonetic: 'phonetic',
  alias: 'alias',
  fuzzy: 'similar spelling',
};

const DOB_NOUNS: Readonly<Record<DatePrecision, string>> = {
  YEAR: 'Year of birth',
  MONTH: 'Month of birth',
  DAY: 'Date of birth',
};

const DOB_LENGTH: Readonly<Record<DatePrecision, number>> = { YEAR: 4, MONTH: 7, DAY: 10 };
const RANGE_SEPARATOR = ' to ';

/**
 * One sentence for one field. `travellerValue` (a value the user revealed) replaces the
 * server's possibly masked value; a missing or null one keeps the server's value.
 */
export function explanationSentence(item: FieldExplanation, travellerValue?: string | null): ExplanationSentence {
  const value = travellerValue ?? item.travellerValue;
  const retained = value === null && item.maskedByRetention === true;
  return { field: item.field, label: LABELS[item.field], verdict: verdictOf(item), text: textOf(item, value, retained) };
}

const MASKED_WORDS = 'masked under retention';
/** What stands for a traveller value the retention job masked (the traveller panel's words). */
export const MASKED_UNDER_RETENTION = `(${MASKED_WORDS})`;

/** Sentences in the explanation's order; `revealed` is keyed by `item.travellerField`. */
export function explanationSentences(
  items: readonly FieldExplanation[],
  revealed?: Partial<Record<string, string | null>>,
): ExplanationSentence[] {
  return items.map((item) => explanationSentence(item, item.travellerField ? revealed?.[item.travellerField] : undefined));
}

function verdictOf(item: FieldExplanation): ExplanationVerdict {
  if (item.method === 'absent' || item.agrees === null) return 'unknown';
  // Day and month swapped is still a disagreement, but one a person should look at twice.
  if (item.field === 'dateOfBirth' && item.method === 'fuzzy') return 'near';
  return item.agrees ? 'agrees' : 'differs';
}

function textOf(item: FieldExplanation, traveller: string | null, retained: boolean): string {
  if (item.method === 'absent') return absentText(item.field, traveller, item.entryValue, retained);
  switch (item.field) {
    case 'familyName':
    case 'givenNames':
      return nameText(item, traveller, retained);
    case 'dateOfBirth':
      return dobText(item, traveller, retained);
    case 'nationality':
      return item.agrees
        ? `Nationality ${shown(traveller)} agrees`
        : `Nationality ${shown(traveller)} differs from the listed ${shown(item.entryValue)}`;
    case 'document':
      // A document number alone on the page would say nothing unless it is the listed one.
      return item.agrees ? `Document number agrees (${shown(item.entryValue)})` : 'Document numbers differ';
  }
}

function absentText(field: MatchField, traveller: string | null, entry: string | null, retained: boolean): string {
  const noun = NOUNS[field];
  // "absent" with a listed value means the traveller had none; without one, whether the
  // traveller had one cannot be told once retention has masked it.
  if (retained && entry === null) return `The list gives no ${noun}; the traveller's is masked under retention, if there was one`;
  if (traveller === null && entry === null) return `Neither the traveller nor the list gives a ${noun}`;
  return traveller === null ? `The traveller has no ${noun} on record` : `The list gives no ${noun}`;
}

function nameText(item: FieldExplanation, traveller: string | null, retained: boolean): string {
  // "Given name MOHAMMED" but "Given names ABID HAMID MAHMUD"; a masked value is one token.
  const noun =
    item.field === 'familyName' ? 'Family name' : retained || /\S\s+\S/.test(traveller ?? '') ? 'Given names' : 'Given name';
  const score = item.similarity === null ? null : item.similarity.toFixed(2);
  const subject = `${noun} ${retained ? MASKED_UNDER_RETENTION : shown(traveller)}`;
  if (!item.agrees) return `${subject} differs from ${shown(item.entryValue)}${score ? ` (${score})` : ''}`;
  if (item.method === 'alias') return `${subject} matches the alias ${shown(item.entryValue)}${score ? ` (${score})` : ''}`;
  const how = [METHOD_WORDS[item.method], score].filter(Boolean).join(', ');
  return `${subject} matches ${shown(item.entryValue)}${how ? ` (${how})` : ''}`;
}

function dobText(item: FieldExplanation, traveller: string | null, retained: boolean): string {
  const entry = item.entryValue ?? '';
  const range = entry.includes(RANGE_SEPARATOR);
  const precision = item.precision ?? precisionOf(entry.split(RANGE_SEPARATOR)[0] ?? '');
  // Compare like with like: against a listed year only the traveller's year is shown, which
  // also reads right when the month and day are masked ("1951-••-••" → "1951").
  // Retention keeps the year: against a listed year it is the whole comparison, against a day
  // or month the page says what is gone.
  const year = retained ? item.retainedYear : undefined;
  const masked = year ? `${year} (day and month ${MASKED_WORDS})` : MASKED_UNDER_RETENTION;
  const part = traveller === null ? (retained ? (year && precision === 'YEAR' ? year : masked) : '—') : traveller.slice(0, DOB_LENGTH[precision]);
  const noun = DOB_NOUNS[precision];
  if (item.method === 'fuzzy') {
    return `Date of birth ${retained ? masked : shown(traveller)} differs from ${entry}: day and month may be swapped`;
  }
  if (range) {
    return `${noun} ${part} lies ${item.agrees ? 'within' : 'outside'} the listed range ${entry}`;
  }
  if (!item.agrees) return `${noun} ${part} differs from the listed ${shown(item.entryValue)}`;
  return precision === 'DAY' ? `Date of birth agrees (${entry})` : `${noun} ${part} agrees; the list gives no day`;
}

// Older explanations may lack `precision`; the listed value's shape tells it.
function precisionOf(value: string): DatePrecision {
  if (/^\d{4}$/.test(value)) return 'YEAR';
  if (/^\d{4}-\d{2}$/.test(value)) return 'MONTH';
  return 'DAY';
}

const shown = (value: string | null) => (value === null || value.trim() === '' ? '—' : value);
