import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseThemePreference, themeAttribute, themeCookie } from './theme';

test('a stored preference is read back; anything else follows the system', () => {
  assert.equal(parseThemePreference('dark'), 'dark');
  assert.equal(parseThemePreference('light'), 'light');
  assert.equal(parseThemePreference('system'), 'system');
  assert.equal(parseThemePreference(undefined), 'system');
  assert.equal(parseThemePreference('DARK'), 'system');
  assert.equal(parseThemePreference('dark; injected'), 'system');
});

test('following the system sets no data-theme, so the media query decides', () => {
  assert.equal(themeAttribute('system'), undefined);
  assert.equal(themeAttribute('dark'), 'dark');
  assert.equal(themeAttribute('light'), 'light');
});

test('the cookie lasts a year for the whole site and is Secure over HTTPS only', () => {
  assert.equal(themeCookie('dark', false), 'proportio-theme=dark; Path=/; Max-Age=31536000; SameSite=Lax');
  assert.match(themeCookie('light', true), /; Secure$/);
});
