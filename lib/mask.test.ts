import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskName } from './mask';

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
