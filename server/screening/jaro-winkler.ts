import 'server-only';

// Reused between calls: this runs for every candidate token pair, and tokens are short.
let matchedInB = new Uint8Array(64);
let matchedInA = new Uint8Array(64);

/**
 * Jaro-Winkler similarity in [0, 1]. Symmetric by construction: the pair is put in a fixed
 * order first, because the greedy character matching of Jaro can differ by direction.
 */
export function jaroWinkler(first: string, second: string): number {
  const [a, b] = first <= second ? [first, second] : [second, first];
  if (a === b) return a === '' ? 0 : 1;
  if (a === '' || b === '') return 0;
  if (a.length > matchedInA.length || b.length > matchedInB.length) {
    const size = Math.max(a.length, b.length) * 2;
    matchedInA = new Uint8Array(size);
    matchedInB = new Uint8Array(size);
  }
  matchedInA.fill(0, 0, a.length);
  matchedInB.fill(0, 0, b.length);
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const end = Math.min(b.length, i + window + 1);
    for (let j = Math.max(0, i - window); j < end; j++) {
      if (matchedInB[j] === 1 || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      matchedInA[i] = 1;
      matchedInB[j] = 1;
      matches += 1;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (matchedInA[i] === 0) continue;
    while (matchedInB[k] === 0) k += 1;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions += 1;
    k += 1;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix += 1;
  return jaro + prefix * 0.1 * (1 - jaro);
}
