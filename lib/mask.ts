// Masked display of a person's name: the initial of the given name and of the family
// name, the rest starred ("M. A****"). Applied on the server: the client never holds more.
export function maskName(givenNames: string | null | undefined, familyName: string | null | undefined): string {
  const given = initialOf(givenNames);
  const family = initialOf(familyName);
  if (!given && !family) return '—';
  const familyPart = family ? `${family}****` : '****';
  return given ? `${given}. ${familyPart}` : familyPart;
}

function initialOf(value: string | null | undefined): string {
  // The first letter, not the first character: transliterated names may begin with an
  // apostrophe (ʿayn, "'ABD AL-…") or a quote. The u flag keeps a character outside the BMP whole.
  const letter = value?.match(/\p{L}/u)?.[0] ?? '';
  return letter.toLocaleUpperCase('en');
}

/** A masked free value: its first character and a fixed number of stars, so the length does not leak. */
export function maskValue(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) return null;
  return `${Array.from(trimmed)[0]}••••••`;
}

/** A masked family or given name: "A****". */
export function maskNamePart(value: string | null | undefined): string | null {
  const initial = initialOf(value);
  return initial ? `${initial}****` : null;
}

/** A masked date of birth keeps the year, which statistics keep in the clear anyway. */
export function maskDateOfBirth(isoDate: string | null | undefined): string | null {
  return isoDate ? `${isoDate.slice(0, 4)}-••-••` : null;
}

/** A masked document number: the last two characters, enough to tell two documents apart. */
export function maskDocumentNumber(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) return null;
  return `••••••${trimmed.length > 4 ? trimmed.slice(-2) : ''}`;
}
