import 'server-only';

// Letters NFKD does not decompose into a base letter and a mark.
const SPECIAL: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ı: 'i' };

/**
 * Lower-case ASCII letters and digits, words separated by single spaces: diacritics, case and
 * punctuation go, so "Fauteuil-Roulant", "FAUTEUIL ROULANT" and "fauteuil roulant" read the same
 * and a rule can match whole words with a simple boundary.
 */
export function normaliseForMatching(value: string): string {
  return value
    .toLowerCase()
    .replace(/[ßæœøłđı]/g, (c) => SPECIAL[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The spelling German uses where umlauts are not available (PNR text is often upper-case ASCII:
 * "GEHOERLOS" for "gehörlos"). Applied to the rules' spellings, never to the text read.
 */
export function transcribeUmlauts(value: string): string {
  return value.replace(/[äöüÄÖÜ]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' })[c] ?? c);
}
