import 'server-only';
import { spellingOf, type Spelling } from './spelling-key';

export type NamePart = 'family' | 'given' | 'whole';

/** One comparable word of a name, with its spelling worked out once. */
export interface NameToken {
  text: string;
  part: NamePart;
  spelling: Spelling;
  /** A single letter: an initial, compared only with first letters. */
  initial: boolean;
  /** The word's number in an index's vocabulary of listed words; -1 for a traveller's word. */
  word: number;
  /** A forebear's name (nasab, patronymic: lineage.ts), which documents often leave out. */
  lineage: boolean;
}

export function toNameToken(text: string, part: NamePart, lineage = false): NameToken {
  return { text, part, spelling: spellingOf(text), initial: text.length === 1, word: -1, lineage };
}

/** The distinct words of a watchlist's names, each spelt out once and numbered. */
export interface Vocabulary {
  readonly numbers: Map<string, number>;
  readonly texts: string[];
  readonly spellings: Spelling[];
}

export const newVocabulary = (): Vocabulary => ({ numbers: new Map(), texts: [], spellings: [] });

/** A listed word, numbered in the vocabulary (added when new). */
export function listedToken(vocabulary: Vocabulary, text: string, part: NamePart, lineage = false): NameToken {
  let word = vocabulary.numbers.get(text);
  if (word === undefined) {
    word = vocabulary.spellings.push(spellingOf(text)) - 1;
    vocabulary.texts.push(text);
    vocabulary.numbers.set(text, word);
  }
  return { text, part, spelling: vocabulary.spellings[word] as Spelling, initial: text.length === 1, word, lineage };
}
