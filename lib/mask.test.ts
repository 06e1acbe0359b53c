import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskDateOfBirth, maskDocumentNumber, maskName, maskNamePart, maskValue } from './mask';

test('maskName keeps only the two initials', () => {
  assert.equal(maskName('Mohammed', 'Al-Zawahiri'), 'M. A****');
  assert.equal(maskName('  élodie ', 'durand'), 'É. D****');
});

test('maskName never reveals more characters of a long name', () => {
  const masked = maskName('Maximilian', 'Oberhollenzer');
  assert.doesNotMatch(masked, /ax|ber/i);
});

test('maskName handles missing parts', () => {
  assert.equal(maskName(null, 'Ivanov'), 'I****');
  assert.equal(maskName('Li', ''), 'L. ****');
  assert.equal(maskName(undefined, undefined), '—');
});

test('masked values never carry more than the parts a reviewer may see', () => {
  assert.equal(maskNamePart('Al-Zawahiri'), 'A****');
  assert.equal(maskNamePart('  '), null);
  assert.equal(maskDateOfBirth('1951-06-19'), '1951-••-••');
  assert.equal(maskDocumentNumber('P1234567'), '••••••67');
  assert.equal(maskDocumentNumber('AB1'), '••••••');
  const email = maskValue('jane.doe@example.org');
  assert.equal(email, 'j••••••');
  assert.equal(maskValue('x'.repeat(40))?.length, maskValue('xy')?.length, 'the mask does not leak the length');
});

test('the initial is the first letter, whatever punctuation a transliteration puts before it', () => {
  assert.equal(maskName("'Abd al-Rahman", '"Hassan"'), 'A. H****');
  assert.equal(maskNamePart("'Ali"), 'A****');
  assert.equal(maskName('-', '–'), '—');
});
