import fc from 'fast-check';

// How the unit fuzz suites run: a fixed seed, so a failure in CI fails the same way on the
// next run and on a laptop (FUZZ_SEED=<n> explores other inputs; fast-check prints the seed
// and the shrunk counterexample of any failure), and a count of the inputs each property
// actually checked, printed as `fuzz: <name> <N> runs` for the note.
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);

/** Checks `check` on `numRuns` generated values (it throws to fail); answers how many it checked. */
export function fuzz<T>(name: string, arbitrary: fc.Arbitrary<T>, check: (value: T) => void, numRuns: number): number {
  let runs = 0;
  fc.assert(
    fc.property(arbitrary, (value) => {
      runs += 1;
      check(value);
    }),
    { numRuns, seed: FUZZ_SEED },
  );
  console.log(`fuzz: ${name} ${runs} runs`);
  return runs;
}
