import 'server-only';

// Common given names whose romanisations differ by more than the general folding rules of
// spelling-key.ts catch (a changed consonant, a dropped syllable, another script's habit).
// Each spelling maps to one reference spelling; the rules then apply to that.
const GROUPS: readonly (readonly [string, readonly string[]])[] = [
  ['MUHAMMAD', ['MEHMET', 'MEHMED', 'MOHD', 'MUHD', 'MAGOMED', 'MAGOMET', 'MAHOMET', 'MAHOMED', 'MAHAMAT', 'MOHAMMET', 'MUHAMET', 'MUHAMMET', 'MAMADOU', 'MOHAMADOU', 'MAHAMADOU']],
  ['YUSUF', ['YOUSSEF', 'YOUSEF', 'YUSEF', 'YUSSEF', 'YOUSSOUF', 'YOUSOUF', 'JUSUF', 'YOUSIF', 'YUSIF', 'YOUSAF', 'YUSAF']],
  ['AHMAD', ['AHMET', 'AHMADOU', 'AHMADU']],
  ['USMAN', ['OSMAN', 'OTHMAN', 'UTHMAN', 'OUSMANE', 'OUSMAN', 'USMON', 'OSMANE']],
  ['SAID', ['SAEED', 'SAYED', 'SAEID', 'SAYEED', 'SAIED', 'SAYID']],
  ['IBRAHIM', ['IBRAGIM', 'BRAHIM', 'EBRAHIM', 'IBROHIM', 'IBRAHEEM']],
  ['ISMAIL', ['SMAIL', 'ISMAYIL', 'ISMOIL', 'ISMAEL']],
  ['YAHYA', ['YAHIA', 'YEHIA', 'YAHIYA']],
  ['YURI', ['IURII', 'IURI', 'YURIY', 'YURIJ', 'JURIJ']],
  ['HUSAYN', ['HUSEYN', 'GUSEYN', 'GUSEIN']],
  ['HASAN', ['GASAN']],
  ['MAHMUD', ['MAKHMUD', 'MEHMUD']],
  ['ABUBAKAR', ['ABOUBAKAR', 'ABUBAKR', 'ABOUBACAR', 'ABUBAKIR']],
];

const VARIANTS: ReadonlyMap<string, string> = new Map(
  GROUPS.flatMap(([reference, spellings]) => spellings.map((spelling) => [spelling, reference] as const)),
);

/** The reference spelling of a known variant, or the word itself. */
export function referenceSpelling(word: string): string {
  return VARIANTS.get(word) ?? word;
}
