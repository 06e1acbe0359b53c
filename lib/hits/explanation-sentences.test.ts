import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FieldExplanation } from '@/lib/schemas/hit-detail';
import { explanationSentence, explanationSentences } from './explanation-sentences';

// Inputs follow the shapes of real OFAC SDN entries (prisma/data/ofac-sdn-2024-05-03/sdn.csv)
// as prisma/seed-matching.ts explains them; the expected sentences are written out by hand.

const name = (over: Partial<FieldExplanation>): FieldExplanation => ({
  field: 'familyName',
  method: 'exact',
  travellerValue: null,
  travellerField: 'familyName',
  entryValue: null,
  similarity: 1,
  agrees: true,
  ...over,
});

const dob = (over: Partial<FieldExplanation>): FieldExplanation => ({
  field: 'dateOfBirth',
  method: 'exact',
  travellerValue: null,
  travellerField: 'dateOfBirth',
  entryValue: null,
  similarity: 1,
  agrees: true,
  ...over,
});

test('a transliterated Arabic family name with the AL- particle', () => {
  // 2676 "AL ZAWAHIRI, Dr. Ayman"
  const sentence = explanationSentence(
    name({ method: 'transliteration', travellerValue: 'AL-ZAWAHIRI', entryValue: 'ALZAWAHRI', similarity: 0.93 }),
  );
  assert.deepEqual(sentence, {
    field: 'familyName',
    label: 'Family name',
    verdict: 'agrees',
    text: 'Family name AL-ZAWAHIRI matches ALZAWAHRI (transliteration, 0.93)',
  });
});

test('a given name matched through an alias names the alias and its similarity', () => {
  const sentence = explanationSentence(
    name({ field: 'givenNames', travellerField: 'givenNames', method: 'alias', travellerValue: 'MOHAMMED', entryValue: 'MUHAMMAD', similarity: 0.88 }),
  );
  assert.equal(sentence.text, 'Given name MOHAMMED matches the alias MUHAMMAD (0.88)');
  assert.equal(sentence.label, 'Given names');
  assert.equal(sentence.verdict, 'agrees');
});

test('many given names read in the plural; methods read in plain words with two decimals', () => {
  // 7846 "AL-TIKRITI, Abid Hamid Mahmud"; 6365 "BIN LADIN, Usama bin Muhammad bin Awad"
  const given = explanationSentence(
    name({ field: 'givenNames', travellerField: 'givenNames', method: 'phonetic', travellerValue: 'ABED HAMEED MAHMOUD', entryValue: 'Abid Hamid Mahmud', similarity: 0.9 }),
  );
  assert.equal(given.text, 'Given names ABED HAMEED MAHMOUD matches Abid Hamid Mahmud (phonetic, 0.90)');
  const family = explanationSentence(
    name({ method: 'fuzzy', travellerValue: 'BIN LADEN', entryValue: 'BIN LADIN', similarity: 0.951 }),
  );
  assert.equal(family.text, 'Family name BIN LADEN matches BIN LADIN (similar spelling, 0.95)');
  const exact = explanationSentence(name({ travellerValue: 'ABU MARZOOK', entryValue: 'ABU MARZOOK', similarity: 1 }));
  assert.equal(exact.text, 'Family name ABU MARZOOK matches ABU MARZOOK (exact, 1.00)');
});

test('a name that does not match differs', () => {
  // 6923 "EL-HOORIE, Ali Saed Bin Ali"
  const sentence = explanationSentence(
    name({ method: 'none', travellerValue: 'EL-HOURANI', entryValue: 'EL-HOORIE', similarity: 0.8, agrees: false }),
  );
  assert.equal(sentence.text, 'Family name EL-HOURANI differs from EL-HOORIE (0.80)');
  assert.equal(sentence.verdict, 'differs');
});

test('a masked name reads as a sentence, and a revealed value replaces it', () => {
  const item = name({ method: 'transliteration', travellerValue: 'A****', entryValue: 'AL-ZOMOR', similarity: 0.94 });
  assert.equal(explanationSentence(item).text, 'Family name A**** matches AL-ZOMOR (transliteration, 0.94)');
  assert.equal(explanationSentence(item, 'EL ZOMOR').text, 'Family name EL ZOMOR matches AL-ZOMOR (transliteration, 0.94)');
  // A null reveal never blanks the masked value.
  assert.equal(explanationSentence(item, null).text, 'Family name A**** matches AL-ZOMOR (transliteration, 0.94)');
});

test('an entity has no given names or date of birth on the list', () => {
  const given = explanationSentence(
    name({ field: 'givenNames', travellerField: 'givenNames', method: 'absent', travellerValue: 'K****', entryValue: null, similarity: null, agrees: null }),
  );
  assert.equal(given.text, 'The list gives no given names');
  assert.equal(given.verdict, 'unknown');
  const date = explanationSentence(dob({ method: 'absent', travellerValue: '1970-••-••', similarity: null, agrees: null }));
  assert.equal(date.text, 'The list gives no date of birth');
  assert.equal(date.verdict, 'unknown');
});

test('a year-only or circa date of birth agrees on the year alone, even when masked', () => {
  // 7782 "DOB circa 1951"; 6945 "DOB 1947"
  const masked = explanationSentence(dob({ travellerValue: '1951-••-••', entryValue: '1951', precision: 'YEAR' }));
  assert.equal(masked.text, 'Year of birth 1951 agrees; the list gives no day');
  assert.equal(masked.verdict, 'agrees');
  const revealed = explanationSentence(dob({ travellerValue: '1951-••-••', entryValue: '1951', precision: 'YEAR' }), '1951-06-19');
  assert.equal(revealed.text, 'Year of birth 1951 agrees; the list gives no day');
});

test('a month-precision date of birth agrees on the month', () => {
  // 8594 "DOB Aug 1946"
  const sentence = explanationSentence(dob({ travellerValue: '1946-08-03', entryValue: '1946-08', precision: 'MONTH' }));
  assert.equal(sentence.text, 'Month of birth 1946-08 agrees; the list gives no day');
});

test('a full date of birth agrees and shows the listed date', () => {
  // 2676 "DOB 19 Jun 1951"
  const sentence = explanationSentence(dob({ travellerValue: '1951-••-••', entryValue: '1951-06-19', precision: 'DAY' }));
  assert.equal(sentence.text, 'Date of birth agrees (1951-06-19)');
});

test('a date of birth within or outside a listed range', () => {
  // 12057 "DOB 1951 to 1953"; 16912 "DOB 1957 to 1959"
  const within = explanationSentence(dob({ travellerValue: '1956-••-••', entryValue: '1955 to 1958', precision: 'YEAR' }));
  assert.equal(within.text, 'Year of birth 1956 lies within the listed range 1955 to 1958');
  assert.equal(within.verdict, 'agrees');
  const outside = explanationSentence(
    dob({ method: 'none', travellerValue: '1962-04-01', entryValue: '1957 to 1959', precision: 'YEAR', similarity: 0, agrees: false }),
  );
  assert.equal(outside.text, 'Year of birth 1962 lies outside the listed range 1957 to 1959');
  assert.equal(outside.verdict, 'differs');
});

test('day and month swapped is a near miss, not an agreement', () => {
  const item = dob({ method: 'fuzzy', travellerValue: '1951-••-••', entryValue: '1951-06-19', precision: 'DAY', similarity: 0.5, agrees: false });
  const revealed = explanationSentence(item, '1951-19-06');
  assert.equal(revealed.text, 'Date of birth 1951-19-06 differs from 1951-06-19: day and month may be swapped');
  assert.equal(revealed.verdict, 'near');
  assert.equal(explanationSentence(item).text, 'Date of birth 1951-••-•• differs from 1951-06-19: day and month may be swapped');
});

test('a different date of birth is compared at the listed precision', () => {
  // 3754 "DOB 09 Feb 1951"
  const day = explanationSentence(
    dob({ method: 'none', travellerValue: '1953-02-09', entryValue: '1951-02-09', precision: 'DAY', similarity: 0, agrees: false }),
  );
  assert.equal(day.text, 'Date of birth 1953-02-09 differs from the listed 1951-02-09');
  // Without a precision the listed value's shape decides.
  const year = explanationSentence(
    dob({ method: 'none', travellerValue: '1950-••-••', entryValue: '1947', similarity: 0, agrees: false }),
  );
  assert.equal(year.text, 'Year of birth 1950 differs from the listed 1947');
});

test('nationality agrees with one of several, or differs from all listed', () => {
  // 7264 "nationality Morocco; alt. nationality Germany"; 7835 Tunisia and Bosnia and Herzegovina
  const base: FieldExplanation = {
    field: 'nationality', method: 'exact', travellerValue: 'DEU', travellerField: 'nationality', entryValue: 'DEU', similarity: 1, agrees: true,
  };
  assert.equal(explanationSentence(base).text, 'Nationality DEU agrees');
  const differs = explanationSentence({ ...base, method: 'none', entryValue: 'TUN, BIH', similarity: 0, agrees: false });
  assert.equal(differs.text, 'Nationality DEU differs from the listed TUN, BIH');
  assert.equal(differs.verdict, 'differs');
  const unlisted = explanationSentence({ ...base, method: 'absent', entryValue: null, similarity: null, agrees: null });
  assert.equal(unlisted.text, 'The list gives no nationality');
});

test('documents: the same number is shown, a different one is not', () => {
  // 2676 "Passport 1084010 (Egypt); alt. Passport 19820215"
  const base: FieldExplanation = {
    field: 'document', method: 'exact', travellerValue: '1••••10', travellerField: 'documentNumber',
    entryValue: '1084010', similarity: 1, agrees: true,
  };
  assert.equal(explanationSentence(base).text, 'Document number agrees (1084010)');
  const differs = explanationSentence({ ...base, method: 'none', travellerValue: 'P••••••12', similarity: 0, agrees: false });
  assert.equal(differs.text, 'Document numbers differ');
  assert.doesNotMatch(differs.text, /1084010|P••/);
  const none = explanationSentence({ ...base, method: 'absent', travellerValue: null, similarity: null, agrees: null });
  assert.equal(none.text, 'The traveller has no document number on record');
  assert.equal(none.verdict, 'unknown');
});

test('explanationSentences replaces masked values by travellerField and keeps the order', () => {
  const items: FieldExplanation[] = [
    name({ method: 'transliteration', travellerValue: 'A****', entryValue: 'AL ZAWAHIRI', similarity: 0.96 }),
    name({ field: 'givenNames', travellerField: 'givenNames', method: 'phonetic', travellerValue: 'A****', entryValue: 'Ayman', similarity: 0.91 }),
    dob({ method: 'absent', travellerValue: null, entryValue: '1951-06-19', similarity: null, agrees: null }),
    { field: 'nationality', method: 'exact', travellerValue: 'EGY', travellerField: 'nationality', entryValue: 'EGY', similarity: 1, agrees: true },
  ];
  const sentences = explanationSentences(items, { familyName: 'AZ-ZAWAHIRI' });
  assert.deepEqual(
    sentences.map((sentence) => [sentence.field, sentence.verdict, sentence.text]),
    [
      ['familyName', 'agrees', 'Family name AZ-ZAWAHIRI matches AL ZAWAHIRI (transliteration, 0.96)'],
      ['givenNames', 'agrees', 'Given name A**** matches Ayman (phonetic, 0.91)'],
      ['dateOfBirth', 'unknown', 'The traveller has no date of birth on record'],
      ['nationality', 'agrees', 'Nationality EGY agrees'],
    ],
  );
  assert.equal(explanationSentences(items)[0]?.text, 'Family name A**** matches AL ZAWAHIRI (transliteration, 0.96)');
});

test('a value the retention job masked is said to be masked under retention, not missing', () => {
  const retained = { travellerValue: null, maskedByRetention: true } as const;
  assert.equal(
    explanationSentence(name({ ...retained, method: 'transliteration', entryValue: 'AL-ZOMOR', similarity: 0.94 })).text,
    'Family name (masked under retention) matches AL-ZOMOR (transliteration, 0.94)',
  );
  assert.equal(
    explanationSentence(name({ ...retained, field: 'givenNames', travellerField: 'givenNames', method: 'none', entryValue: 'Abbud', similarity: 0.5, agrees: false })).text,
    'Given names (masked under retention) differs from Abbud (0.50)',
  );
  assert.equal(
    explanationSentence(dob({ ...retained, entryValue: '1951', precision: 'YEAR' })).text,
    'Year of birth (masked under retention) agrees; the list gives no day',
  );
  assert.equal(
    explanationSentence(dob({ ...retained, method: 'fuzzy', entryValue: '1951-06-19', precision: 'DAY', similarity: 0.5, agrees: false })).text,
    'Date of birth (masked under retention) differs from 1951-06-19: day and month may be swapped',
  );
  // Retention keeps the year of birth: compared with a listed year it is all there is to show.
  const year = { ...retained, retainedYear: '1951' } as const;
  assert.equal(explanationSentence(dob({ ...year, entryValue: '1951', precision: 'YEAR' })).text, 'Year of birth 1951 agrees; the list gives no day');
  assert.equal(
    explanationSentence(dob({ ...year, method: 'none', entryValue: '1950-06-19', precision: 'DAY', similarity: 0, agrees: false })).text,
    'Date of birth 1951 (day and month masked under retention) differs from the listed 1950-06-19',
  );
  assert.equal(
    explanationSentence(dob({ ...year, method: 'fuzzy', entryValue: '1951-06-19', precision: 'DAY', similarity: 0.5, agrees: false })).text,
    'Date of birth 1951 (day and month masked under retention) differs from 1951-06-19: day and month may be swapped',
  );
  // "absent" with a listed value: the traveller had none; without one, masking hides whether it had.
  assert.equal(explanationSentence(dob({ ...retained, method: 'absent', entryValue: '1951-06-19', similarity: null, agrees: null })).text, 'The traveller has no date of birth on record');
  assert.equal(
    explanationSentence(dob({ ...retained, method: 'absent', entryValue: null, similarity: null, agrees: null })).text,
    "The list gives no date of birth; the traveller's is masked under retention, if there was one",
  );
  // Without the mark a null value is a missing one, as before.
  assert.equal(explanationSentence(name({ entryValue: 'AL-ZOMOR' })).text, 'Family name — matches AL-ZOMOR (exact, 1.00)');
});
