import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editDistance, withinOneEdit } from './edit-distance';
import { jaroWinkler } from './jaro-winkler';

describe('jaroWinkler', () => {
  it('gives the textbook values', () => {
    assert.equal(jaroWinkler('MARTHA', 'MARTHA'), 1);
    assert.equal(Math.round(jaroWinkler('MARTHA', 'MARHTA') * 1000) / 1000, 0.961);
    assert.equal(Math.round(jaroWinkler('DWAYNE', 'DUANE') * 1000) / 1000, 0.84);
    assert.equal(Math.round(jaroWinkler('DIXON', 'DICKSONX') * 1000) / 1000, 0.813);
    assert.equal(jaroWinkler('', 'A'), 0);
    assert.equal(jaroWinkler('ABC', 'XYZ'), 0);
  });

  it('is symmetric', () => {
    const words = ['CRATE', 'TRACE', 'ABCDEFG', 'GFEDCBA', 'MOHAMMED', 'MUHAMMAD', 'AAB', 'ABA'];
    for (const a of words) for (const b of words) assert.equal(jaroWinkler(a, b), jaroWinkler(b, a), `${a} / ${b}`);
  });
});

describe('edit distances', () => {
  it('count insertions, deletions, substitutions and neighbour swaps', () => {
    assert.equal(editDistance('MURAT', 'MURAT', 2), 0);
    assert.equal(editDistance('MURAT', 'MURAD', 2), 1);
    assert.equal(editDistance('ANDREY', 'ADNREY', 2), 1);
    assert.equal(editDistance('HUANG', 'ZHANG', 2), 2);
    assert.equal(editDistance('SMITH', 'JONES', 2), 3);
  });

  it('withinOneEdit agrees with editDistance', () => {
    const words = ['MR', 'MRK', 'RM', 'MK', 'KMR', 'M', '', 'MRKS', 'HSN', 'HNS', 'SHN'];
    for (const a of words) for (const b of words) assert.equal(withinOneEdit(a, b), editDistance(a, b, 1) <= 1, `${a} / ${b}`);
  });
});
