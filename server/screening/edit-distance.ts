import 'server-only';

/**
 * Edits (insert, delete, substitute, swap two neighbours) from one word to the other,
 * counting no further than `limit` (returns limit + 1 beyond it): "a slip of the pen or two".
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  // Three rows of the optimal-string-alignment table are all a swap needs.
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] as number) + 1);
      current[j] = value;
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length] as number, limit + 1);
}

/** True when one edit (insert, delete, substitute, swap two neighbours) or none turns a into b. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i += 1;
  // Compared in place, without slicing: this runs for every word pair of every candidate.
  const sameFrom = (x: number, y: number) => {
    while (x < short.length) if (short.charCodeAt(x++) !== long.charCodeAt(y++)) return false;
    return true;
  };
  if (short.length < long.length) return sameFrom(i, i + 1);
  if (sameFrom(i + 1, i + 1)) return true;
  return short[i] === long[i + 1] && short[i + 1] === long[i] && sameFrom(i + 2, i + 2);
}
