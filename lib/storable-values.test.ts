import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { anyJson } from '@/lib/testing/fuzz-inputs';
import { fuzz } from '@/lib/testing/fuzz-run';
import { isStorableDate, isStorableInstant, unstorableTextPath } from './storable-values';

// The checks that keep values PostgreSQL refuses out of queries, each against a rule stated
// independently here (the calendar, the range of an instant, what JSON escapes). The same
// rules against PostgreSQL itself: storable-values.integration.test.ts.

const RUNS = 2000;
/** 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z (Date.UTC maps years below 100 to 19xx, so set the year itself). */
const FIRST_INSTANT = new Date(0).setUTCFullYear(1, 0, 1);
const LAST_INSTANT = new Date(0).setUTCFullYear(9999, 11, 31) + 86_400_000 - 1;

const leap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysIn = (year: number, month: number) => [31, leap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
const pad = (value: number, width: number) => String(value).padStart(width, '0');

test('a date is storable when the calendar has it, from 0001-01-01 to 9999-12-31', () => {
  const parts = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }));
  fuzz('isStorableDate', parts, ([year, month, day]) => {
    const expected = year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
    assert.equal(isStorableDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`), expected);
  }, RUNS);
  for (const text of ['2026-11-25 ', ' 2026-11-25', '2026-11-25T00:00:00Z', '+02026-11-25', '20261125', '']) assert.equal(isStorableDate(text), false, text);
});

test('an instant is storable when it falls within the years 0001 to 9999 in UTC, whatever its offset says', () => {
  const DAY = 86_400_000;
  const near = (edge: number) => fc.integer({ min: edge - 2 * DAY, max: edge + 2 * DAY });
  // Mostly near the two edges, where an offset moves an instant across.
  const instant = fc.oneof(near(FIRST_INSTANT), near(LAST_INSTANT), fc.integer({ min: -8_640_000_000_000_000, max: 8_640_000_000_000_000 }));
  const offsetMinutes = fc.integer({ min: -14 * 60, max: 14 * 60 });
  fuzz('isStorableInstant', fc.tuple(instant, offsetMinutes), ([time, offset]) => {
    const expected = time >= FIRST_INSTANT && time <= LAST_INSTANT;
    assert.equal(isStorableInstant(new Date(time).toISOString()), expected);
    // The same instant written in local time at an offset, as a form or an API client may send it.
    const shifted = new Date(time + offset * 60_000);
    if (Number.isNaN(shifted.getTime())) return; // past the end of JavaScript's time
    const local = shifted.toISOString();
    if (!/^\d{4}-/.test(local)) return; // no four-digit way to write it
    const sign = offset < 0 ? '-' : '+';
    const written = `${local.slice(0, 23)}${sign}${pad(Math.floor(Math.abs(offset) / 60), 2)}:${pad(Math.abs(offset) % 60, 2)}`;
    assert.equal(isStorableInstant(written), expected, written);
  }, RUNS);
  assert.equal(isStorableInstant('2026-02-30T10:00:00Z'), false, 'JavaScript would read 2 March');
  assert.equal(isStorableInstant('not a time'), false);
});

/** Every string and key in a value, read code point by code point (a lone surrogate is a one-unit "code point"). */
const texts = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(texts) : typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([key, child]) => [key, ...texts(child)]) : [];
const unstorable = (text: string) => [...text].some((char) => char === '\u0000' || (char.length === 1 && char >= '\ud800' && char <= '\udfff'));

test('U+0000 and lone surrogates are found wherever JSON holds them, in a string or a key, and the path leads there', () => {
  const bad = fc.constantFrom('a\u0000b', '\ud800', 'x\udfff', '\udc00\ud800');
  const input = fc.oneof(anyJson, fc.tuple(anyJson, bad).map(([value, text]) => ({ wrapped: [value, text] })), bad.map((text) => ({ [`k${text}`]: 1 })), fc.constant('💥 paired surrogates are fine'));
  fuzz('unstorableTextPath', input, (value) => {
    const found = unstorableTextPath(value);
    assert.equal(found !== null, texts(value).some(unstorable), JSON.stringify(value));
    if (found === null) return;
    const at = found === '' ? value : found.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), value);
    // A path ending in a key names the key with its text made printable; else it leads to the string.
    if (typeof at === 'string') assert.ok(unstorable(at), found);
  }, RUNS);
});
