import 'server-only';

const SPECIAL: Readonly<Record<string, string>> = { ß: 'SS', Ł: 'L', ł: 'L', Ø: 'O', ø: 'O', Æ: 'AE', æ: 'AE', Đ: 'D', đ: 'D', ı: 'I', Œ: 'OE', œ: 'OE' };

/** Upper-case ASCII letters and single spaces; diacritics, apostrophes and hyphens go. */
export function normaliseName(value: string): string {
  return value
    .replace(/[ßŁłØøÆæĐđıŒœ]/g, (c) => SPECIAL[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z]+/g, ' ')
    .trim();
}

/** A document number as issuers print it in different ways: letters and digits only. */
export function normaliseDocumentNumber(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
