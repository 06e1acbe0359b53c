import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NAME_POOLS } from './common-names';
import { lineageWords } from './lineage';
import { nameTokens, normalisePersonName } from './name-tokens';
import { normaliseDocumentNumber, normaliseName } from './normalise';
import { seededRandom } from './seeded-random';
import { sdnEntries } from './sdn-list.test-helper';

describe('nameTokens', () => {
  it('folds Unicode, case and punctuation, and joins apostrophes inside a word', () => {
    assert.deepEqual(nameTokens('Çelik, Ayşe'), ['CELIK', 'AYSE']);
    assert.deepEqual(nameTokens("O'Brien"), ['OBRIEN']);
    assert.deepEqual(nameTokens("Mas'ud ʿAbd"), ['MASUD', 'ABDUL']);
    assert.deepEqual(nameTokens('Müller-Lüdenscheidt'), ['MULLER', 'LUDENSCHEIDT']);
  });

  it('drops titles and honorifics, unless a field holds nothing else', () => {
    // 2676 "AL ZAWAHIRI, Dr. Ayman"; 13127 "MOHAMMAD, Haji Baz"
    assert.deepEqual(nameTokens('Dr. Ayman'), ['AYMAN']);
    assert.deepEqual(nameTokens('Haji Baz'), ['BAZ']);
    assert.deepEqual(nameTokens('Mr John Smith Jr'), ['JOHN', 'SMITH']);
    assert.deepEqual(nameTokens('Haji'), ['HAJI']);
    assert.deepEqual(nameTokens('AL-SAYYID'), ['SAYYID']);
  });

  it('drops joining particles when the field has another word', () => {
    assert.deepEqual(nameTokens('AL-ZAWAHIRI'), ['ZAWAHIRI']);
    assert.deepEqual(nameTokens('van den Berg'), ['BERG']);
    assert.deepEqual(nameTokens('Usama bin Muhammad bin Awad'), ['USAMA', 'MUHAMMAD', 'AWAD']);
    assert.deepEqual(nameTokens('ES SAYED'), ['SAYED']);
    assert.deepEqual(nameTokens('De'), ['DE']);
  });

  it('writes theophoric compounds one way however they are split', () => {
    for (const spelling of ['Abd al-Rahman', 'Abdul Rahman', 'ABDEL RAHMAN', 'Abdurrahman', "'Abd-al-Rahman", 'Abdelrahman']) {
      assert.deepEqual(nameTokens(spelling), ['ABDULRAHMAN'], spelling);
    }
    for (const spelling of ['Abdullah', 'Abd Allah', 'Abdallah', 'ABDOLLAH']) assert.deepEqual(nameTokens(spelling), ['ABDULLAH'], spelling);
    for (const spelling of ['Salah al-Din', 'Salahuddin', 'SALAHEDDINE']) assert.deepEqual(nameTokens(spelling), ['SALAHUDDIN'], spelling);
    assert.deepEqual(nameTokens('Noor Ullah'), nameTokens('Noorullah'));
    // A Somali given name is not the start of a compound.
    assert.deepEqual(nameTokens('Abdi Hassan'), ['ABDI', 'HASSAN']);
  });

  it('marks forebears: the nasab and the patronymic', () => {
    assert.deepEqual([...lineageWords('Usama bin Muhammad bin Awad')].sort(), ['AWAD', 'MUHAMMAD']);
    assert.deepEqual([...lineageWords('Vladimir Vladimirovich')], ['VLADIMIROVICH']);
    assert.deepEqual([...lineageWords('Anna Maria')], []);
  });

  it('is idempotent on every listed name and on random everyday names', () => {
    const names = sdnEntries().flatMap((entry) => [entry.primaryName, ...entry.aliases.map((alias) => alias.name)]);
    const random = seededRandom(11);
    for (let i = 0; i < 2000; i++) {
      const pool = random.pick(NAME_POOLS);
      names.push(`${random.pick(pool.given)} ${random.chance(0.3) ? random.pick(['al-', 'van ', 'Dr. ', 'bin ', 'de la ']) : ''}${random.pick(pool.family)}`);
    }
    for (const name of names) {
      const once = normalisePersonName(name);
      assert.equal(normalisePersonName(once), once, name);
    }
  });
});

describe('normalise (kept as identity-key.ts relies on it)', () => {
  it('normaliseName keeps upper-case ASCII letters and single spaces', () => {
    assert.equal(normaliseName("  Al-Zawahiri,  Ayman o'Brien ß "), 'AL ZAWAHIRI AYMAN O BRIEN SS');
    assert.equal(normaliseName(normaliseName('Çelik Øster')), 'CELIK OSTER');
  });

  it('normaliseDocumentNumber keeps letters and digits', () => {
    assert.equal(normaliseDocumentNumber('p-123 456'), 'P123456');
  });
});
