import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { travellerNameTokens } from './compare-pair';
import { findCandidates } from './find-candidates';
import { listedPersonTraveller } from './labelled-set';
import type { VariantKind } from './name-variants';
import { seededRandom } from './seeded-random';
import type { ScreeningTraveller } from './screening-types';
import { sdnEntries, sdnIndex, traveller } from './sdn-list.test-helper';

const candidateIds = (person: ScreeningTraveller) =>
  findCandidates(sdnIndex(), travellerNameTokens(person), '').map((entry) => entry.id);

// Individuals whose names have two words at least (a one-word name is found by that word alone).
const individuals = sdnEntries().filter(
  (entry) => entry.type === 'INDIVIDUAL' && entry.primaryName.replace(/,/g, ' ').trim().split(/\s+/).length >= 2,
);

describe('blocking', () => {
  it('finds a listed person under each kind of variant of the listed name', () => {
    // 2676 "AL ZAWAHIRI, Dr. Ayman"; 6365 "BIN LADIN, Usama bin Muhammad bin Awad"; 23675 "BADR-AL-DIN, Muhammad"
    const cases: [Partial<ScreeningTraveller>, string][] = [
      [{ familyName: 'Zawahri', givenNames: 'Aiman' }, '2676'],
      [{ familyName: 'Ayman', givenNames: 'Zawahiri' }, '2676'],
      [{ familyName: 'Alzawahiri', givenNames: 'Ayman' }, '2676'],
      [{ familyName: 'Zawahiri', givenNames: 'Aymen' }, '2676'],
      [{ familyName: 'Bin Laden', givenNames: 'Osama' }, '6365'],
      [{ familyName: 'Laden', givenNames: 'Usama Mohammed' }, '6365'],
      [{ familyName: 'Badr Al Den', givenNames: 'Mohammed' }, '23675'],
      [{ familyName: 'Badruddin', givenNames: 'Muhammad' }, '23675'],
    ];
    for (const [fields, id] of cases) assert.ok(candidateIds(traveller(fields)).includes(id), `${fields.familyName}, ${fields.givenNames}`);
  });

  // Random variants of random listed names: a typo can still fall on a digraph and move the
  // sound two edits (ZONGHUA/ZOGNHUA: NG-H, G-NH), so the floor is not 100 % for typos.
  const floors: Record<VariantKind, number> = { exact: 1, transliteration: 0.995, swapped: 1, particles: 0.995, typo: 0.98, initial: 1, 'missing-middle': 1, 'extra-middle': 1 };
  for (const kind of ['exact', 'transliteration', 'swapped', 'particles', 'typo'] satisfies VariantKind[]) {
    it(`keeps a listed person named by a random variant: ${kind} (floor ${floors[kind]})`, () => {
      const random = seededRandom(kind.length * 7919);
      let tried = 0;
      let found = 0;
      while (tried < 500) {
        const entry = random.pick(individuals);
        const person = listedPersonTraveller(entry, kind, random);
        if (!person) continue;
        tried += 1;
        if (candidateIds(person).includes(entry.id)) found += 1;
      }
      assert.ok(found / tried >= floors[kind], `${found} of ${tried}`);
    });
  }

  it('keeps a typo in each of the ways a consonant can go wrong', () => {
    // 35096 "PUTIN, Vladimir Vladimirovich"
    for (const familyName of ['Puttin', 'Putn', 'Pudin', 'Tupin', 'Putkin', 'Utin']) {
      assert.ok(candidateIds(traveller({ familyName, givenNames: 'Vladimir' })).includes('35096'), familyName);
    }
  });

  it('compares a traveller with a few of the 6,854 individuals only', () => {
    const random = seededRandom(17);
    let total = 0;
    for (let i = 0; i < 500; i++) {
      const entry = random.pick(individuals);
      total += candidateIds(listedPersonTraveller(entry, 'exact', random) as ScreeningTraveller).length;
    }
    assert.ok(total / 500 < 100, `on average ${total / 500} candidates`);
    assert.deepEqual(candidateIds(traveller({ familyName: 'Khan', givenNames: 'Imran' })).filter(Boolean).length < 20, true);
  });

  it('finds an entry by the document number it lists, whatever the name', () => {
    // 2676 AL ZAWAHIRI: Passport 1084010
    const found = findCandidates(sdnIndex(), travellerNameTokens(traveller({ familyName: 'Smith', givenNames: 'John' })), '1084010');
    assert.deepEqual(found.map((entry) => entry.id), ['2676']);
  });
});
