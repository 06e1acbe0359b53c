// What a hit stores of the screening's explanation (issue 11): every item without the
// traveller's value. `travellerValue` is a copy of the traveller's own column (the item's
// travellerField names it), so the stored hit does not quote the person: readers fill it in
// from the traveller row, masked for the caller (server/hits/mask-explanation.ts), and the
// retention job masks a traveller without rewriting any hit.

/** The items as they are stored on the hit: all but `travellerValue`. */
export function storedExplanation<T extends { travellerValue?: unknown }>(items: readonly T[]): Omit<T, 'travellerValue'>[] {
  return items.map((item) => {
    const stored: Partial<T> = { ...item };
    delete stored.travellerValue;
    return stored as Omit<T, 'travellerValue'>;
  });
}
