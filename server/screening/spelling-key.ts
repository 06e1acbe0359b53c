import 'server-only';
import { referenceSpelling } from './spelling-variants';

// How a name word is spelt, reduced to what survives romanisation: the consonants (with
// digraphs that stand for one sound folded together) and the vowels between them.
// Transliteration schemes disagree mostly on vowels (MOHAMMED/MUHAMMAD, KHALED/KHALID),
// on doubling (HASSAN/HASAN) and on digraphs (KH/CH, SH/SCH, ZH/J/DJ, Q/K, X/KS).

export interface Spelling {
  /** The word in its reference spelling, a glued article removed: what letter similarity compares. */
  prepared: string;
  /** Consonant symbols with `*` where a run of vowels stands: MUHAMMAD → `M*H*M*D`. */
  skeleton: string;
  /** The vowel runs, O read as U and Y as I: MOHAMMED → [U, A, E]. */
  vowels: readonly string[];
  /** The consonants only, merged into sound classes (B/P, F/V, K/G/Q, T/D, S/SH, H/KH/CH, J/Y/ZH): the blocking and phonetic key. */
  sound: string;
  consonants: number;
}

// A glued Arabic article (ALZAWAHIRI, ELSAYED, ALURAYDI) — but not the start of a European
// name (ALBERT, ALEXANDER, ELVIRA).
const GLUED_ARTICLE = /^(?:AL|EL|UL)(?!BERT|FRED|FONS|PHONS|VAR|VIN|LIS|VIR|LIOT|MIR|BIN)([^AEIOY][A-Z]{3,})$/;
const VOWELS = new Set(['A', 'E', 'I', 'O', 'U']);
// Z stays apart from S: Arabic and Persian keep them apart (QASEMI is not KAZEMI).
const SOUND_CLASS: Readonly<Record<string, string>> = {
  P: 'B', V: 'F', G: 'K', Q: 'K', D: 'T', c: 'S', x: 'H', j: 'J', Y: 'J',
};
// Digraphs first, longest first: each stands for one consonant sound.
const DIGRAPHS: readonly (readonly [string, string])[] = [
  ['TSCH', 'x'], ['DZH', 'j'], ['SCH', 'c'], ['TCH', 'x'], ['KH', 'x'], ['CH', 'x'], ['SH', 'c'], ['ZH', 'j'],
  ['DJ', 'j'], ['TH', 'T'], ['DH', 'D'], ['PH', 'F'], ['GH', 'G'], ['CK', 'K'],
];
const SINGLE: Readonly<Record<string, string>> = { Q: 'K', J: 'j', W: 'V' };
const DIGRAPHS_BY_LETTER: ReadonlyMap<string, readonly (readonly [string, string])[]> = new Map(
  [...new Set(DIGRAPHS.map(([digraph]) => digraph[0] as string))].map((letter) => [letter, DIGRAPHS.filter(([digraph]) => digraph[0] === letter)]),
);

function prepare(word: string): string {
  let w = referenceSpelling(word);
  const article = GLUED_ARTICLE.exec(w);
  if (article) w = article[1] as string;
  // A Russian Е is written YE or E (YELENA/ELENA), a Ю or Я IU/IA or YU/YA (IURII/YURI).
  return w.replace(/^YE/, 'E').replace(/^I(?=[AOU])/, 'Y');
}

function normaliseVowelRun(run: string): string {
  // EE and OO are English spellings of long I and U (SAEED, NOOR).
  const letters = run.replace(/EE/g, 'I').replace(/O/g, 'U').replace(/Y/g, 'I');
  return letters.replace(/(.)\1+/g, '$1');
}

/** How a normalised name word is spelt, for comparing romanisations. */
export function spellingOf(word: string): Spelling {
  const w = prepare(word);
  const symbols: string[] = [];
  const vowels: string[] = [];
  let run = '';
  const closeRun = () => {
    if (run === '') return;
    vowels.push(normaliseVowelRun(run));
    symbols.push('*');
    run = '';
  };
  for (let i = 0; i < w.length; ) {
    const letter = w[i] as string;
    const isVowel = VOWELS.has(letter) || (letter === 'Y' && !(i === 0 && VOWELS.has(w[1] ?? '')));
    if (isVowel) {
      run += letter;
      i += 1;
      continue;
    }
    // A final H after a vowel is not sounded (ABDULLAH/ABDULLA, FATIMAH/FATIMA).
    if (letter === 'H' && i === w.length - 1 && run !== '') break;
    let symbol: string | undefined;
    let length = 1;
    for (const [digraph, folded] of DIGRAPHS_BY_LETTER.get(letter) ?? []) {
      if (w.startsWith(digraph, i)) {
        symbol = folded;
        length = digraph.length;
        break;
      }
    }
    if (symbol === undefined) {
      if (letter === 'C') symbol = /[EIY]/.test(w[i + 1] ?? '') ? 'S' : 'K';
      else if (letter === 'X') symbol = 'KS';
      else symbol = SINGLE[letter] ?? letter;
    }
    closeRun();
    for (const s of symbol) {
      if (symbols[symbols.length - 1] !== s) symbols.push(s);
    }
    i += length;
  }
  closeRun();
  const consonantSymbols = symbols.filter((s) => s !== '*');
  return {
    prepared: w,
    skeleton: symbols.join(''),
    vowels,
    sound: soundOf(symbols),
    consonants: consonantSymbols.length,
  };
}

function soundOf(symbols: readonly string[]): string {
  let sound = '';
  let last = '';
  for (const symbol of symbols) {
    if (symbol === '*') {
      last = '';
      continue;
    }
    const merged = SOUND_CLASS[symbol] ?? symbol;
    if (merged !== last) sound += merged;
    last = merged;
  }
  return sound;
}

const DIPHTHONGS = new Set(['AI', 'EI', 'AE']);

// E stands for Arabic a or i (MOHAMMED, KHALED); AY, AI, EI for one diphthong (HUSAYN,
// HUSSEIN). I is not that diphthong: IMAN is not AYMAN.
export function compatibleVowels(a: string, b: string): boolean {
  if (a === b) return true;
  if (a === 'E' || b === 'E') {
    const other = a === 'E' ? b : a;
    return other === 'A' || other === 'I' || DIPHTHONGS.has(other);
  }
  return DIPHTHONGS.has(a) && DIPHTHONGS.has(b);
}

/** Same consonants in the same places, vowels that romanisations use for the same sound. */
export function sameTransliteration(a: Spelling, b: Spelling): boolean {
  if (a.skeleton !== b.skeleton) return false;
  return a.vowels.every((vowel, i) => compatibleVowels(vowel, b.vowels[i] as string));
}

/** The sound-class consonant key of a name word (MOHAMMED, MUHAMMAD, MAGOMED → `MHMT`). */
export function phoneticKey(word: string): string {
  return spellingOf(word).sound;
}
