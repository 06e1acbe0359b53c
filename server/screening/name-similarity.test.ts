import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NAME_POOLS } from './common-names';
import { nameSimilarity } from './name-similarity';
import { seededRandom, type SeededRandom } from './seeded-random';
import { sdnEntries } from './sdn-list.test-helper';

// Property tests over real listed names and random everyday ones, from a fixed seed.
const listedNames = sdnEntries()
  .filter((entry) => entry.type === 'INDIVIDUAL')
  .flatMap((entry) => [entry.primaryName, ...entry.aliases.map((alias) => alias.name)]);

function everydayName(random: SeededRandom): string {
  const pool = random.pick(NAME_POOLS);
  return `${random.pick(pool.family)}, ${random.pick(pool.given)}${random.chance(0.3) ? ` ${random.pick(pool.given)}` : ''}`;
}

describe('nameSimilarity', () => {
  it('is 1 between a name and itself', () => {
    for (const name of listedNames) {
      if (/[A-Za-z]/.test(name)) assert.equal(nameSimilarity(name, name), 1, name);
    }
  });

  it('is symmetric', () => {
    const random = seededRandom(3);
    for (let i = 0; i < 3000; i++) {
      const a = random.chance(0.5) ? random.pick(listedNames) : everydayName(random);
      const b = random.chance(0.5) ? random.pick(listedNames) : everydayName(random);
      assert.equal(nameSimilarity(a, b), nameSimilarity(b, a), `${a} / ${b}`);
    }
  });

  it('ignores the order of words and the particles between them', () => {
    assert.equal(nameSimilarity('AL ZAWAHIRI, Ayman', 'Ayman al-Zawahiri'), 1);
    assert.equal(nameSimilarity('van den Berg, Jan', 'Jan Berg'), 1);
  });

  it('stays high for a missing middle name or forebear, low for one shared common word', () => {
    assert.ok(nameSimilarity('PUTIN, Vladimir Vladimirovich', 'Vladimir Putin') > 0.95);
    assert.ok(nameSimilarity('BIN LADIN, Usama bin Muhammad bin Awad', 'Osama bin Laden') > 0.85);
    assert.ok(nameSimilarity('GONZALEZ QUIRARTE, Eduardo', 'Eduardo Gonzalez') > 0.85);
    assert.ok(nameSimilarity('KHAN, Mohammad Anwar Latif', 'Imran Khan') < 0.6);
    assert.ok(nameSimilarity('KHAN, Mohammad Anwar Latif', 'Khan') < 0.8);
  });

  it('lies in [0, 1]', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 2000; i++) {
      const value = nameSimilarity(random.pick(listedNames), everydayName(random));
      assert.ok(value >= 0 && value <= 1, String(value));
    }
  });
});
