import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toNameToken } from './name-token';
import { phoneticKey, sameTransliteration, spellingOf } from './spelling-key';
import { compareTokens } from './token-similarity';

const compare = (a: string, b: string) => compareTokens(toNameToken(a, 'given'), toNameToken(b, 'given'));
const method = (a: string, b: string) => compare(a, b).method;

describe('spelling keys', () => {
  it('give romanisations of one name the same transliteration', () => {
    const groups = [
      ['MOHAMMED', 'MUHAMMAD', 'MOHAMED', 'MOHAMMAD', 'MUHAMMED', 'MEHMET', 'MAGOMED', 'MOHD'],
      ['YUSUF', 'YOUSSEF', 'YOUSEF', 'YUSSUF', 'JUSUF'],
      ['HUSAYN', 'HUSSEIN', 'HOSSEIN', 'HUSEIN', 'HUSSAIN'],
      ['KHALID', 'KHALED'],
      ['OSAMA', 'USAMA', 'USAMAH'],
      ['ABDULLAH', 'ABDULLA'],
      ['HASSAN', 'HASAN'],
      ['SULAYMAN', 'SULEIMAN', 'SULEYMAN'],
    ];
    for (const group of groups) {
      const [first, ...rest] = group.map(spellingOf);
      for (const [i, other] of rest.entries()) assert.ok(sameTransliteration(first!, other), `${group[0]} ~ ${group[i + 1]}`);
    }
  });

  it('keep different names apart', () => {
    for (const [a, b] of [['HASAN', 'HUSAYN'], ['MAHMOUD', 'MUHAMMAD'], ['IMAN', 'AYMAN'], ['QASEMI', 'KAZEMI']]) {
      assert.ok(!sameTransliteration(spellingOf(a!), spellingOf(b!)), `${a} / ${b}`);
    }
    assert.notEqual(phoneticKey('QASEMI'), phoneticKey('KAZEMI'));
  });

  it('merge sound classes in the phonetic key', () => {
    assert.equal(phoneticKey('QADHAFI'), phoneticKey('GADDAFI'));
    assert.equal(phoneticKey('ALEKSANDR'), phoneticKey('ALEXANDER'));
    assert.equal(phoneticKey('ALZAWAHRI'), phoneticKey('ZAWAHIRI'));
  });
});

describe('compareTokens', () => {
  it('names the way two words agree', () => {
    assert.deepEqual(compare('AYMAN', 'AYMAN'), { similarity: 1, method: 'exact' });
    assert.equal(method('MOHAMMED', 'MUHAMMAD'), 'transliteration');
    assert.equal(method('QADHAFI', 'GADDAFI'), 'phonetic');
    assert.equal(method('ALEKSANDR', 'ALEXANDER'), 'phonetic');
    assert.equal(method('MOUNIR', 'MOUNIT'), 'fuzzy');
    assert.equal(method('ANDREY', 'ADNREY'), 'fuzzy');
    assert.equal(method('SMITH', 'JONES'), 'none');
  });

  it('matches an initial with a first letter only, and below a whole word', () => {
    const initial = compare('M', 'MUHAMMAD');
    assert.equal(initial.method, 'fuzzy');
    assert.ok(initial.similarity < 1 && initial.similarity > 0.8);
    assert.equal(method('J', 'MUHAMMAD'), 'none');
  });

  it('does not take a derived name for a spelling: patronymics, nisbas, feminine forms', () => {
    for (const [a, b] of [['IVANOV', 'IVANOVICH'], ['MOHAMMAD', 'MOHAMMADI'], ['HOSSEIN', 'HOSSEINI'], ['GHOLAM', 'GHOLAMI'], ['KUZNETSOV', 'KUZNETSOVA'], ['HASAN', 'HASANOV']]) {
      assert.deepEqual(compare(a!, b!), { similarity: 0, method: 'none' }, `${a} / ${b}`);
    }
    // One final consonant lost is a typo, not a derivation.
    assert.equal(method('MURAT', 'MURA'), 'fuzzy');
  });

  it('takes two words a slip or two apart for a misspelling only when they are long enough', () => {
    assert.equal(method('HUANG', 'ZHANG'), 'none');
    assert.equal(method('KARIM', 'KARA'), 'none');
    assert.equal(method('POURJAMSHIDIAN', 'POURJAMSHIDIAM'), 'fuzzy');
    assert.equal(method('MAHMUD', 'MUHAMAD'), 'none');
  });

  it('is symmetric', () => {
    const words = ['MOHAMMED', 'MUHAMMAD', 'MAHMOUD', 'HASSAN', 'HUSSEIN', 'M', 'IVANOV', 'IVANOVICH', 'ZHANG', 'CHANG', 'ABDULLAH', 'ABDULLA', 'GARCIA', 'GRACIA'];
    for (const a of words) for (const b of words) assert.deepEqual(compare(a, b), compare(b, a), `${a} / ${b}`);
  });
});
