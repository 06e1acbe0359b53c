// Values PostgreSQL refuses to store or compare. Input is checked against these where it
// enters — the schemas in lib/schemas, the body, path and query readers of server/http — so
// such a value is answered 400 (or 404, or ignored with a notice) naming where it was,
// never a 500 from the database with half a request done.

/** The largest value of an `integer` column (Prisma's Int). */
export const INT4_MAX = 2_147_483_647;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * YYYY-MM-DD naming a day the calendar has (no 30 February), on the proleptic Gregorian
 * calendar JavaScript's Date and PostgreSQL use. Worked out from the digits: a 5,000-hit
 * request checks some 25,000 dates, and a Date per date showed in its profile.
 */
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

/** A real calendar date YYYY-MM-DD from 0001-01-01 to 9999-12-31: PostgreSQL has no year 0000 and no 30 February. */
export function isStorableDate(text: string): boolean {
  return isCalendarDate(text) && !text.startsWith('0000');
}

/**
 * A date-time on a real calendar date whose instant falls within 0001–9999 in UTC. Prisma
 * sends an instant to PostgreSQL as ISO text in UTC, which PostgreSQL reads only with a
 * four-digit year from 0001: "9999-12-31T23:00-05:00" is the year 10000 there. (JavaScript
 * reads "2026-02-30" as 2 March; a person who typed it meant something else.)
 */
export function isStorableInstant(text: string): boolean {
  if (/^\d{4}-\d{2}-\d{2}/.test(text) && !isCalendarDate(text.slice(0, 10))) return false;
  const time = Date.parse(text);
  if (!Number.isFinite(time)) return false;
  const iso = new Date(time).toISOString();
  return /^\d{4}-/.test(iso) && !iso.startsWith('0000');
}

/** U+0000, or half of a UTF-16 surrogate pair without its other half (not Unicode text at all). */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Where a parsed JSON value holds text PostgreSQL refuses, in a string or a key
 * ("travellers.0.remarks"; "" for the value itself), or null. Text columns and jsonb cannot
 * hold U+0000; jsonb refuses a lone surrogate, which JSON can spell ("\ud800") though no
 * UTF-8 byte sequence can. No such value may reach a query.
 */
export function unstorableTextPath(value: unknown, path: readonly (string | number)[] = []): string | null {
  // One path, extended and shortened in place: the whole body is walked, and a new array per
  // value was most of what this cost.
  const at: (string | number)[] = [...path];
  return walkUnstorable(value, at) ? at.join('.') : null;
}

/** True when `value` holds unstorable text; `at` then names where (see unstorableTextPath). */
function walkUnstorable(value: unknown, at: (string | number)[]): boolean {
  if (typeof value === 'string') return UNSTORABLE.test(value);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      at.push(index);
      if (walkUnstorable(value[index], at)) return true;
      at.pop();
    }
    return false;
  }
  if (typeof value === 'object' && value !== null) {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      if (UNSTORABLE.test(key)) {
        at.push(key.toWellFormed().replaceAll('\u0000', '\\u0000'));
        return true;
      }
      at.push(key);
      if (walkUnstorable((value as Record<string, unknown>)[key], at)) return true;
      at.pop();
    }
  }
  return false;
}
