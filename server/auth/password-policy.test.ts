import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commonPasswords, passwordProblem } from './password-policy';

const identity = { email: 'ana.lindqvist@proportio.test', name: 'Ana Lindqvist' };

test('the vendored list of common passwords is loaded whole, header skipped', () => {
  const list = commonPasswords();
  assert.ok(list.size > 49_000, `only ${list.size} passwords`);
  for (const common of ['123456', 'password', 'qwerty123456', '1qaz2wsx3edc', 'administrator']) assert.ok(list.has(common), common);
  assert.equal([...list].some((entry) => entry.startsWith('# source') || entry.includes('licence')), false);
});

test('a long uncommon password that avoids the identity is accepted, without composition rules', () => {
  assert.equal(passwordProblem('maple river lantern', identity), null);
  assert.equal(passwordProblem('alllowercaseletters', identity), null);
  assert.equal(passwordProblem('x'.repeat(128), identity), null);
});

test('length: at least 12 characters, at most 128, counted in characters', () => {
  assert.match(passwordProblem('short pass1', identity) ?? '', /At least 12/);
  assert.equal(passwordProblem('twelve chars', identity), null);
  assert.match(passwordProblem('y'.repeat(129), identity) ?? '', /At most 128/);
  // Twelve characters that are 24 UTF-16 code units are still twelve characters.
  assert.equal(passwordProblem('🍁🌊🏮🍁🌊🏮🍁🌊🏮🍁🌊🧭', identity), null);
});

test('common passwords are refused, whatever their case', () => {
  for (const common of ['qwerty123456', 'QWERTY123456', '1qaz2wsx3edc', 'Administrator', 'leavemealone']) {
    assert.match(passwordProblem(common, identity) ?? '', /most common/, common);
  }
});

test('the account’s own email or name is refused, also inside a longer password', () => {
  assert.match(passwordProblem('ana.lindqvist@proportio.test', identity) ?? '', /email address or your name/);
  assert.match(passwordProblem('LINDQVIST-2026-spring', identity) ?? '', /email address or your name/);
  assert.match(passwordProblem('my name is analindqvist', identity) ?? '', /email address or your name/);
  // Short name parts (under 4 letters) are not held against a password.
  assert.equal(passwordProblem('banana split sundae', identity), null);
});
