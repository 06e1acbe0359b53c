import 'server-only';
import { alignedSimilarity } from './name-alignment';
import { toNameToken } from './name-token';
import { lineageWords } from './lineage';
import { nameTokens } from './name-tokens';

/** Token-set similarity of two whole names in [0, 1], order of words ignored; symmetric. */
export function nameSimilarity(a: string, b: string): number {
  const tokensOf = (name: string) => {
    const words = nameTokens(name);
    const forebears = lineageWords(name, words);
    return words.map((text) => toNameToken(text, 'whole', forebears.has(text)));
  };
  return alignedSimilarity(tokensOf(a), tokensOf(b));
}
