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
  const trimmed = value?.trim() ?? '';
  // Array.from keeps a character outside the BMP whole.
  return (Array.from(trimmed)[0] ?? '').toLocaleUpperCase('en');
}
