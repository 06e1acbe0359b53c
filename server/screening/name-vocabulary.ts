import 'server-only';

// Words that sit in a name field without identifying the person. Both sides of a comparison
// drop them the same way, so "Dr. Ayman AL-ZAWAHIRI" and "ZAWAHIRI, Ayman" compare as equals.
// Titles that happen to be religious or honorific are discarded here, never used as a
// criterion: the engine has no notion of religion, ethnicity or any other protected attribute.

/** Titles and forms of address; dropped wherever they appear (unless a field holds nothing else). */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'MR', 'MRS', 'MS', 'MISS', 'MSTR', 'MASTER', 'DR', 'PROF', 'PROFESSOR', 'SIR', 'DAME', 'LORD', 'LADY',
  'JR', 'SR', 'II', 'III', 'IV',
  'GEN', 'GENERAL', 'COL', 'COLONEL', 'MAJ', 'CAPT', 'CAPTAIN', 'LT', 'SGT',
  'SHEIKH', 'SHEIK', 'SHAIKH', 'SHAYKH', 'SHEKH', 'CHEIKH',
  'HAJI', 'HAJJI', 'HADJI', 'HAJ', 'HAJJ', 'HADJ', 'ALHAJI', 'ALHAJ', 'ALHADJI', 'HAJIA', 'HAJIYA',
  'MULLAH', 'MULLA', 'MOLLAH', 'MAULANA', 'MAWLANA', 'MAULAVI', 'MAULAWI', 'MAWLAWI', 'MAWLAVI', 'MOLAVI', 'MOULAVI',
  'QARI', 'IMAM', 'AYATOLLAH', 'HOJATOLESLAM', 'SAYYID', 'SAYYED', 'SEYED', 'SEYYED', 'SEYYID', 'SYED',
]);

/**
 * Joining words of family and given names (Arabic, Dutch, German, Romance). Dropped when
 * the same field has another word, so "VAN DIJK" ≈ "DIJK" but a field that is only "DE"
 * keeps it.
 */
export const PARTICLES: ReadonlySet<string> = new Set([
  'AL', 'EL', 'UL', 'BIN', 'IBN', 'BINT', 'BINTI', 'BENT', 'OULD', 'BEN',
  'VAN', 'VON', 'DER', 'DEN', 'TER', 'TEN', 'ZU', 'DE', 'DA', 'DI', 'DU', 'DO', 'DOS', 'DAS', 'DEL', 'DELLA', 'DELLE',
  'LA', 'LE', 'LOS', 'LAS', 'ST', 'SAINT',
]);

/**
 * The Arabic article assimilated to the next word's first consonant (as-Sayyid, ad-Din,
 * ar-Rahman): a particle only when that word starts with the same consonant.
 */
export const ASSIMILATED_ARTICLES: Readonly<Record<string, string>> = {
  AS: 'S', ASH: 'S', ES: 'S', AD: 'D', ED: 'D', UD: 'D', AR: 'R', ER: 'R', UR: 'R', AT: 'T', ET: 'T', AZ: 'Z', EZ: 'Z', AN: 'N', EN: 'N', UN: 'N',
};
