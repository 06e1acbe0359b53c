// Synthetic traffic for the screening-engine benchmark: travellers with everyday names from
// many naming traditions, in rough proportion to a European airport's passengers, and at a
// small rate a listed individual travelling under a variant of their listed name.
import { NAME_POOLS, type NamePool } from '../../../server/screening/common-names.ts';
import { listedPersonTraveller, randomDate, randomDocumentNumber } from '../../../server/screening/labelled-set.ts';
import { VARIANT_KINDS } from '../../../server/screening/name-variants.ts';
import { seededRandom, type SeededRandom } from '../../../server/screening/seeded-random.ts';
import type { ScreeningEntry, ScreeningTraveller } from '../../../server/screening/screening-types.ts';

export interface SyntheticTraveller {
  traveller: ScreeningTraveller;
  /** The naming tradition the name was drawn from, or 'listed' for a listed person. */
  tradition: string;
  /** Set when this traveller is a listed individual under a variant name. */
  listedEntryId: string | null;
}

export interface SyntheticOptions {
  seed?: number;
  /** Share of travellers who are listed individuals (default 0.5 %). */
  listedRate?: number;
}

function weightedPool(random: SeededRandom, total: number): NamePool {
  let point = random.next() * total;
  for (const pool of NAME_POOLS) {
    point -= pool.share;
    if (point < 0) return pool;
  }
  return NAME_POOLS[NAME_POOLS.length - 1] as NamePool;
}

function everyday(random: SeededRandom, pool: NamePool): ScreeningTraveller {
  // About one traveller in five carries a second given name.
  const given = random.chance(0.2) ? `${random.pick(pool.given)} ${random.pick(pool.given)}` : random.pick(pool.given);
  return {
    familyName: random.pick(pool.family),
    givenNames: given,
    // API data carry a date of birth, nationality and document for almost everyone.
    dateOfBirth: random.chance(0.97) ? randomDate(random) : null,
    nationality: random.pick(pool.nationalities),
    documentNumber: random.chance(0.95) ? randomDocumentNumber(random) : null,
  };
}

/** `count` travellers, the same for the same entries and seed. */
export function syntheticTravellers(count: number, entries: readonly ScreeningEntry[], options: SyntheticOptions = {}): SyntheticTraveller[] {
  const { seed = 7, listedRate = 0.005 } = options;
  const random = seededRandom(seed);
  const total = NAME_POOLS.reduce((sum, pool) => sum + pool.share, 0);
  const individuals = entries.filter((entry) => entry.type === 'INDIVIDUAL');
  const travellers: SyntheticTraveller[] = [];
  while (travellers.length < count) {
    if (individuals.length > 0 && random.chance(listedRate)) {
      const entry = random.pick(individuals);
      const traveller = listedPersonTraveller(entry, random.pick(VARIANT_KINDS), random);
      if (traveller) travellers.push({ traveller, tradition: 'listed', listedEntryId: entry.id });
      continue;
    }
    const pool = weightedPool(random, total);
    travellers.push({ traveller: everyday(random, pool), tradition: pool.tradition, listedEntryId: null });
  }
  return travellers;
}
