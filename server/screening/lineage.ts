import 'server-only';
import { nameTokens } from './name-tokens';
import { normaliseName } from './normalise';

// Words that name a person's father or forebears rather than the person: the Arabic nasab
// (Usama BIN Muhammad BIN Awad), the East Slavic patronymic (Vladimir VLADIMIROVICH).
// Travel documents often leave them out (Russian passports for travel abroad do), so a
// listed name with them and a traveller's without them lose little by it.

const LINEAGE_PARTICLES = new Set(['BIN', 'IBN', 'BINT', 'BINTI', 'BENT', 'BEN', 'OULD']);
const PATRONYMIC = /(?:OVICH|EVICH|OVITCH|EVITCH|OVYCH|EVYCH|OVNA|EVNA|IVNA|ICHNA)$/;

/**
 * The words of a given-names field (as nameTokens writes them) that name forebears. `words`,
 * when the caller has them, is nameTokens(value), so that it is not worked out twice.
 */
export function lineageWords(value: string | null | undefined, words?: readonly string[]): Set<string> {
  const lineage = new Set<string>();
  if (!value) return lineage;
  const raw = normaliseName(value.replace(/['\u2018\u2019\u02BB\u02BC\u0060\u00B4]/g, '')).split(' ');
  raw.forEach((word, i) => {
    if (!LINEAGE_PARTICLES.has(word) || i === 0 || i + 1 >= raw.length) return;
    const following = nameTokens(raw.slice(i + 1).join(' '))[0];
    if (following) lineage.add(following);
  });
  for (const word of words ?? nameTokens(value)) if (PATRONYMIC.test(word)) lineage.add(word);
  return lineage;
}
