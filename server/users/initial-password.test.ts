import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newInitialPassword } from './initial-password';

test('an initial password is 20 unambiguous random characters in four groups, never repeated', () => {
  const seen = new Set<string>();
  for (let index = 0; index < 200; index++) {
    const password = newInitialPassword();
    assert.match(password, /^[a-km-zA-HJ-NP-Z2-9]{5}(-[a-km-zA-HJ-NP-Z2-9]{5}){3}$/);
    assert.ok(password.length >= 16);
    seen.add(password);
  }
  assert.equal(seen.size, 200);
});
