import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dateWithin, listedNameParts } from './labelled-set';
import { DEFAULT_SCREENING_THRESHOLDS, screenTraveller } from './screen';
import { seededRandom } from './seeded-random';
import type { ScreeningTraveller } from './screening-types';
import { sdnEntries, sdnIndex } from './sdn-list.test-helper';

// Properties over every listed individual of the real SDN list (one random alias or date
// where there are several, from a fixed seed).
const individuals = sdnEntries().filter((entry) => entry.type === 'INDIVIDUAL');

const scoreFor = (person: ScreeningTraveller, id: string) =>
  screenTraveller(person, sdnIndex()).find((match) => match.entryId === id)?.score;

describe('screening properties on the SDN list', () => {
  it('a listed name always matches its own entry, at or above the thresholds', () => {
    for (const entry of individuals) {
      const { family, given } = listedNameParts(entry);
      if (!/[A-Za-z]/.test(family + (given ?? ''))) continue;
      const score = scoreFor({ familyName: family, givenNames: given, dateOfBirth: null, nationality: null, documentNumber: null }, entry.id);
      assert.ok(score !== undefined && score >= DEFAULT_SCREENING_THRESHOLDS.minScore, `${entry.primaryName}: ${score}`);
    }
  });

  it('each comma-separated alias matches its entry too', () => {
    for (const entry of individuals) {
      for (const alias of entry.aliases.filter((a) => a.quality !== 'weak' && a.name.includes(','))) {
        const [family, given] = alias.name.split(',').map((part) => part.trim());
        const person = { familyName: family ?? null, givenNames: given || null, dateOfBirth: null, nationality: null, documentNumber: null };
        assert.ok(scoreFor(person, entry.id) !== undefined, `${alias.name} → ${entry.primaryName}`);
      }
    }
  });

  it('adding a date of birth that agrees never lowers the score', () => {
    const random = seededRandom(23);
    for (const entry of individuals.filter((e) => e.datesOfBirth.length > 0)) {
      const { family, given } = listedNameParts(entry);
      const person = { familyName: family, givenNames: given, dateOfBirth: null, nationality: null, documentNumber: null };
      const without = scoreFor(person, entry.id);
      if (without === undefined) continue;
      const dated = scoreFor({ ...person, dateOfBirth: dateWithin(random.pick(entry.datesOfBirth), random) }, entry.id);
      assert.ok(dated !== undefined && dated >= without, `${entry.primaryName}: ${without} → ${dated}`);
    }
  });

  it('screening is deterministic', () => {
    const random = seededRandom(29);
    for (let i = 0; i < 300; i++) {
      const entry = random.pick(individuals);
      const { family, given } = listedNameParts(entry);
      const person = { familyName: given, givenNames: family, dateOfBirth: '1970-01-01', nationality: 'IRQ', documentNumber: 'A123' };
      assert.deepEqual(screenTraveller(person, sdnIndex()), screenTraveller(person, sdnIndex()));
    }
  });
});
