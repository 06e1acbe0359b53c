import 'server-only';
import type { EntryType } from '@/generated/prisma/enums';
import { countryToAlpha3 } from './country-codes';
import { tokenizeCsv } from './csv';

// Parses OFAC's legacy `sdn.csv` (no header; 12 columns; `-0-` = empty) into rows shaped
// like WatchlistEntry. Pure: no I/O. Untrusted input: a row that cannot be imported is
// returned as an error, a fact inside an imported row that cannot be read as a warning.

export type DobPrecision = 'DAY' | 'MONTH' | 'YEAR';

export interface SdnDateOfBirth {
  value: string;
  precision: DobPrecision;
  /** Upper end of a range (`DOB 1955 to 1958`), in its own precision. */
  to?: string;
  /** Written `DOB circa 1951`. */
  circa?: true;
}

export interface SdnAlias {
  name: string;
  // OFAC's delimited files keep strong aliases in alt.csv; the quoted a.k.a.s left in
  // Remarks are its weak ones (nicknames, noms de guerre). An unquoted one counts as strong.
  quality: 'strong' | 'weak';
  kind: 'aka' | 'fka' | 'nka';
}

export interface SdnDocument {
  type: 'PASSPORT' | 'NATIONAL_ID';
  number: string;
  /** Alpha-3 where the name maps, else the name as written, null when not given. */
  country: string | null;
}

export interface SdnEntry {
  line: number;
  externalId: string;
  type: EntryType;
  primaryName: string;
  familyName: string | null;
  givenNames: string | null;
  aliases: SdnAlias[];
  datesOfBirth: SdnDateOfBirth[];
  nationalities: string[];
  documents: SdnDocument[];
  programs: string[];
  offenceCategory: string;
  title: string | null;
  remarks: string | null;
  // No WatchlistEntry column of their own (they stay readable in remarks).
  gender: 'M' | 'F' | null;
  placesOfBirth: string[];
}

export interface SdnIssue {
  line: number;
  reason: string;
}

export interface SdnParseResult {
  entries: SdnEntry[];
  /** Rows not imported. */
  errors: SdnIssue[];
  /** Imported rows with a fact the parser could not read. */
  warnings: SdnIssue[];
}

export const SANCTIONS_CATEGORY = 'sanctions';

// In priority order: an entry under SDGT and SYRIA is a terrorism entry. Category names
// are the PNR Directive's Annex II wording (lib/reference/pnr-directive.json), plus 'terrorism'.
const PROGRAM_CATEGORIES: readonly (readonly [RegExp, string])[] = [
  [/^(SDGT|SDT|FTO)$/, 'terrorism'],
  [/^(SDNTK|SDNT|ILLICIT-DRUGS(-EO\d+)?)$/, 'illicit trafficking in narcotic drugs and psychotropic substances'],
  [/^TCO$/, 'participation in a criminal organisation'],
  [/^CYBER\d*$/, 'computer-related crime/cybercrime'],
  [/^HOSTAGES(-EO\d+)?$/, 'kidnapping, illegal restraint and hostage-taking'],
];

export function offenceCategoryForPrograms(programs: readonly string[]): string {
  for (const [pattern, category] of PROGRAM_CATEGORIES) {
    if (programs.some((program) => pattern.test(program))) return category;
  }
  return SANCTIONS_CATEGORY;
}

const COLUMNS = 12;
const MAX_FIELD_LENGTH = 20_000;
const TYPES: Readonly<Record<string, EntryType>> = {
  '': 'ENTITY',
  individual: 'INDIVIDUAL',
  vessel: 'VESSEL',
  aircraft: 'AIRCRAFT',
};
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function cell(raw: string | undefined): string | null {
  const value = (raw ?? '').replace(/\s+/g, ' ').trim();
  return value === '' || value === '-0-' ? null : value;
}

function country(name: string): string {
  return countryToAlpha3(name) ?? name.trim();
}

/** `19 Jun 1951` | `Jun 1951` | `1951` → ISO-like value with its precision, or null. */
export function parsePartialDate(text: string): { value: string; precision: DobPrecision } | null {
  const match = /^(?:(\d{1,2})\s+)?(?:([A-Za-z]{3})[a-z]*\.?\s+)?(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [, dayText, monthText, yearText] = match;
  const year = Number(yearText);
  if (year < 1800 || year > 2100) return null;
  if (monthText === undefined) return dayText === undefined ? { value: String(year), precision: 'YEAR' } : null;
  const month = MONTHS.indexOf(monthText.toLowerCase()) + 1;
  if (month === 0) return null;
  const ym = `${year}-${String(month).padStart(2, '0')}`;
  if (dayText === undefined) return { value: ym, precision: 'MONTH' };
  const day = Number(dayText);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  return { value: `${ym}-${String(day).padStart(2, '0')}`, precision: 'DAY' };
}

function parseDob(text: string): SdnDateOfBirth | null {
  const circa = /^circa\s+/i.test(text);
  // `1955 to 1958`, once written `1979-1982`.
  const [fromText, toText, ...rest] = text.replace(/^circa\s+/i, '').split(/\s+to\s+|(?<=^\d{4})\s*-\s*(?=\d{4}$)/i);
  if (fromText === undefined || rest.length > 0) return null;
  const from = parsePartialDate(fromText);
  if (!from) return null;
  const dob: SdnDateOfBirth = { ...from };
  if (toText !== undefined) {
    const to = parsePartialDate(toText);
    if (!to || to.value < from.value) return null;
    dob.to = to.value;
  }
  if (circa) dob.circa = true;
  return dob;
}

function parseAlias(kind: SdnAlias['kind'], text: string): SdnAlias | null {
  const quoted = /^'(.*)'$/s.exec(text);
  // Drop an outer pair of quotes around a nickname (''FOOPIE''), but keep a leading
  // or trailing apostrophe that transliterates ayn ('ABD AL-RAHMAN).
  let name = quoted ? (quoted[1] as string).replace(/^'(.+)'$/s, '$1').replace(/', '/g, ', ') : text;
  name = name.replace(/\s+/g, ' ').trim();
  return name === '' ? null : { name, quality: quoted ? 'weak' : 'strong', kind };
}

const DOCUMENT_LABEL =
  /^(?:alt\.\s+)?(Diplomatic Passport|Passport(?: Booklet)?|National ID No\.|Cedula No\.|D\.N\.I\.|Identification Number|Personal ID Card|National Foreign ID Number|Kenyan ID No\.|Bosnian Personal ID No\.|C\.U\.R\.P\.)\s*:?\s*#?\s*(.*)$/;

function parseDocument(segment: string): SdnDocument | 'unreadable' | null {
  const label = DOCUMENT_LABEL.exec(segment);
  if (!label) return null;
  const [, kind = '', rest = ''] = label;
  if (kind === 'Identification Number' && /^IMO\b/.test(rest)) return null; // a vessel's IMO number
  const parts = /^(.+?)(?:\s+\(([^()]+)\))?(?:\s+(?:issued|expires)\b.*)?$/.exec(rest);
  const number = parts?.[1]?.trim();
  if (!number) return 'unreadable';
  return {
    type: kind.includes('Passport') ? 'PASSPORT' : 'NATIONAL_ID',
    number,
    country: parts?.[2] ? country(parts[2]) : null,
  };
}

interface RemarkFacts {
  aliases: SdnAlias[];
  datesOfBirth: SdnDateOfBirth[];
  nationalities: string[];
  documents: SdnDocument[];
  gender: 'M' | 'F' | null;
  placesOfBirth: string[];
  unreadable: string[];
}

/** Reads the `;`-separated facts of the Remarks column; what it does not know it leaves alone. */
export function parseRemarks(remarks: string | null): RemarkFacts {
  const facts: RemarkFacts = {
    aliases: [], datesOfBirth: [], nationalities: [], documents: [], gender: null, placesOfBirth: [], unreadable: [],
  };
  if (remarks === null) return facts;
  for (const raw of remarks.split(';')) {
    const segment = raw.trim().replace(/\.$/, '').trim();
    if (segment === '') continue;
    let match: RegExpExecArray | null;
    if ((match = /^([afn])\.k\.a\.?\s*(.*)$/i.exec(segment))) {
      const kind = `${(match[1] as string).toLowerCase()}ka` as SdnAlias['kind'];
      const alias = parseAlias(kind, match[2] as string);
      if (!alias) facts.unreadable.push(segment);
      else if (!facts.aliases.some((a) => a.name === alias.name)) facts.aliases.push(alias);
    } else if ((match = /^(?:alt\.\s+)?DOB\s+(.+)$/i.exec(segment))) {
      const dob = parseDob(match[1] as string);
      if (dob) facts.datesOfBirth.push(dob);
      else facts.unreadable.push(segment);
    } else if ((match = /^(?:alt\.\s+)?(?:nationality|citizen)\s+(?!of\s+Registration\b)(.+)$/i.exec(segment))) {
      // A vessel's "Nationality of Registration" is its flag, not a person's nationality.
      const code = country(match[1] as string);
      if (!facts.nationalities.includes(code)) facts.nationalities.push(code);
    } else if ((match = /^Gender\s+(Male|Female)$/i.exec(segment))) {
      facts.gender = (match[1] as string).toLowerCase() === 'male' ? 'M' : 'F';
    } else if ((match = /^(?:alt\.\s+)?POB\s+(.+)$/i.exec(segment))) {
      facts.placesOfBirth.push(match[1] as string);
    } else {
      const document = parseDocument(segment);
      if (document === 'unreadable') facts.unreadable.push(segment);
      else if (document) facts.documents.push(document);
    }
  }
  return facts;
}

export function splitPrograms(text: string | null): string[] {
  if (text === null) return [];
  return text
    .split(/\]\s*\[/)
    .map((program) => program.replace(/^\[|\]$/g, '').trim())
    .filter((program) => program !== '');
}

/** Parses the whole file; never throws on bad input. */
export function parseSdnCsv(text: string): SdnParseResult {
  const result: SdnParseResult = { entries: [], errors: [], warnings: [] };
  const seen = new Set<string>();

  for (const record of tokenizeCsv(text)) {
    if (record.kind === 'problem') {
      result.errors.push({ line: record.line, reason: record.reason });
      continue;
    }
    const { line, fields } = record;
    const fail = (reason: string) => result.errors.push({ line, reason });
    if (fields.length !== COLUMNS) {
      fail(`expected ${COLUMNS} fields, found ${fields.length}`);
      continue;
    }
    if (fields.some((field) => field.length > MAX_FIELD_LENGTH)) {
      fail(`a field is longer than ${MAX_FIELD_LENGTH} characters`);
      continue;
    }
    const externalId = cell(fields[0]);
    if (externalId === null || !/^\d{1,12}$/.test(externalId)) {
      fail(`ent_num ${JSON.stringify(fields[0] ?? '')} is not a number`);
      continue;
    }
    if (seen.has(externalId)) {
      fail(`ent_num ${externalId} appears more than once`);
      continue;
    }
    const primaryName = cell(fields[1]);
    if (primaryName === null) {
      fail(`ent_num ${externalId} has no name`);
      continue;
    }
    const typeText = (cell(fields[2]) ?? '').toLowerCase();
    const type = TYPES[typeText];
    if (type === undefined) {
      fail(`ent_num ${externalId} has an unknown type ${JSON.stringify(typeText)}`);
      continue;
    }
    seen.add(externalId);

    let familyName: string | null = null;
    let givenNames: string | null = null;
    if (type === 'INDIVIDUAL') {
      const comma = primaryName.indexOf(',');
      familyName = (comma < 0 ? primaryName : primaryName.slice(0, comma)).trim() || null;
      givenNames = comma < 0 ? null : primaryName.slice(comma + 1).trim() || null;
    }
    const programs = splitPrograms(cell(fields[3]));
    const remarks = cell(fields[11]);
    const { unreadable, ...facts } = parseRemarks(remarks);
    for (const segment of unreadable) {
      result.warnings.push({ line, reason: `ent_num ${externalId}: could not read ${JSON.stringify(segment)}` });
    }
    result.entries.push({
      line,
      externalId,
      type,
      primaryName,
      familyName,
      givenNames,
      ...facts,
      programs,
      offenceCategory: offenceCategoryForPrograms(programs),
      title: cell(fields[4]),
      remarks,
    });
  }
  return result;
}
