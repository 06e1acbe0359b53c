import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import directive from '@/lib/reference/pnr-directive.json';
import { offenceCategoryForPrograms, parseSdnCsv, type SdnEntry } from './parse-sdn';

const SDN_DIR = path.resolve(process.cwd(), 'prisma/data/ofac-sdn-2024-05-03');
const raw = readFileSync(path.join(SDN_DIR, 'sdn.csv'), 'utf8');
const readme = readFileSync(path.join(SDN_DIR, 'README.md'), 'utf8');

const result = parseSdnCsv(raw);
// Physical lines of the file as the tests read them, without the parser.
const lines = raw.split(/\r?\n/);
const dataLines = lines.filter((line) => line.replace(/\x1A/g, '').trim() !== '');

function rawLine(entNum: string): { text: string; line: number } {
  const index = lines.findIndex((line) => line.startsWith(`${entNum},`));
  assert.ok(index >= 0, `ent_num ${entNum} is in the file`);
  return { text: lines[index] as string, line: index + 1 };
}

function entry(entNum: string): SdnEntry {
  const found = result.entries.find((e) => e.externalId === entNum);
  assert.ok(found, `ent_num ${entNum} was parsed`);
  assert.equal(found.line, rawLine(entNum).line);
  return found;
}

describe('parseSdnCsv on the real 2024-05-03 snapshot', () => {
  it('accounts for every row, with the counts the README states', () => {
    const stated = /\(([\d,]+) entries, ([\d,]+) of them individuals\)/.exec(readme);
    assert.ok(stated, 'the README states the counts');
    const [total, individuals] = [stated[1], stated[2]].map((n) => Number((n as string).replaceAll(',', '')));
    assert.equal(result.entries.length + result.errors.length, dataLines.length);
    assert.equal(result.entries.length, total);
    assert.deepEqual(result.errors, []);
    assert.equal(result.entries.filter((e) => e.type === 'INDIVIDUAL').length, individuals);
    const individualLines = dataLines.filter((line) => /^\d+,"[^"]*","individual",/.test(line)).length;
    assert.equal(individuals, individualLines);
    assert.deepEqual(result.warnings, []);
  });

  it('reads a full date, a range, documents and weak aliases (JEDI, ent_num 21727)', () => {
    const { text } = rawLine('21727');
    assert.match(text, /"JEDI, Muhammad Wanndy Bin Mohamed","individual","SDGT"/);
    assert.match(text, /DOB 16 Nov 1990; alt\. DOB 1989 to 1991; POB Durian Tunggal, Malacca, Malaysia; nationality Malaysia; Gender Male; Passport A33373751 \(Malaysia\); National ID No\. 90116-04-5293; a\.k\.a\. 'AL-FATEH, Abu Hamzah'; a\.k\.a\. 'AL-MALIZI, Abu Sayyaf'/);
    const e = entry('21727');
    assert.equal(e.type, 'INDIVIDUAL');
    assert.equal(e.primaryName, 'JEDI, Muhammad Wanndy Bin Mohamed');
    assert.equal(e.familyName, 'JEDI');
    assert.equal(e.givenNames, 'Muhammad Wanndy Bin Mohamed');
    assert.deepEqual(e.datesOfBirth, [
      { value: '1990-11-16', precision: 'DAY' },
      { value: '1989', precision: 'YEAR', to: '1991' },
    ]);
    assert.deepEqual(e.nationalities, ['MYS']);
    assert.deepEqual(e.documents, [
      { type: 'PASSPORT', number: 'A33373751', country: 'MYS' },
      { type: 'NATIONAL_ID', number: '90116-04-5293', country: null },
    ]);
    assert.deepEqual(e.aliases, [
      { name: 'AL-FATEH, Abu Hamzah', quality: 'weak', kind: 'aka' },
      { name: 'AL-MALIZI, Abu Sayyaf', quality: 'weak', kind: 'aka' },
    ]);
    assert.equal(e.gender, 'M');
    assert.deepEqual(e.placesOfBirth, ['Durian Tunggal, Malacca, Malaysia']);
    assert.deepEqual(e.programs, ['SDGT']);
    assert.equal(e.offenceCategory, 'terrorism');
  });

  it('splits joined programs and merges nationality with citizenship (QASEMI, ent_num 11786)', () => {
    const { text } = rawLine('11786');
    assert.match(text, /"QASEMI, Rostam","individual","SDGT\] \[NPWMD\] \[IRGC\] \[IFSR"/);
    assert.match(text, /DOB 22 May 1964; POB Lamerd, Iran; nationality Iran; citizen Iran;.*Passport A2463775 \(Iran\); National ID No\. 6579726970 \(Iran\)/);
    const e = entry('11786');
    assert.deepEqual(e.programs, ['SDGT', 'NPWMD', 'IRGC', 'IFSR']);
    assert.equal(e.offenceCategory, 'terrorism');
    assert.deepEqual(e.datesOfBirth, [{ value: '1964-05-22', precision: 'DAY' }]);
    assert.deepEqual(e.nationalities, ['IRN']);
    assert.deepEqual(e.documents, [
      { type: 'PASSPORT', number: 'A2463775', country: 'IRN' },
      { type: 'NATIONAL_ID', number: '6579726970', country: 'IRN' },
    ]);
    assert.deepEqual(e.aliases, []);
  });

  it('reads year-only, circa, month and hyphenated dates of birth', () => {
    assert.match(rawLine('6365').text, /"BIN LADIN, Usama bin Muhammad bin Awad".*"DOB 30 Jul 1957; alt\. DOB 1958; POB Jeddah, Saudi Arabia; alt\. POB Yemen\."/);
    const binLadin = entry('6365');
    assert.deepEqual(binLadin.datesOfBirth, [
      { value: '1957-07-30', precision: 'DAY' },
      { value: '1958', precision: 'YEAR' },
    ]);
    assert.deepEqual(binLadin.placesOfBirth, ['Jeddah, Saudi Arabia', 'Yemen']);

    assert.match(rawLine('7848').text, /"AL-DURI, Izzat Ibrahim".*"DOB circa 1942;.*a\.k\.a\. 'ABU BRAYS'; a\.k\.a\. 'ABU AHMAD'\."/);
    const duri = entry('7848');
    assert.deepEqual(duri.datesOfBirth, [{ value: '1942', precision: 'YEAR', circa: true }]);
    assert.deepEqual(duri.aliases.map((a) => a.name), ['ABU BRAYS', 'ABU AHMAD']);
    assert.equal(duri.offenceCategory, 'sanctions');

    assert.match(rawLine('8594').text, /"SULAIMAN, Mohammed Ibrahim","individual","SDGT","Secretary General, IARA Headquarters".*"DOB Aug 1946; nationality Sudan;/);
    const sulaiman = entry('8594');
    assert.deepEqual(sulaiman.datesOfBirth, [{ value: '1946-08', precision: 'MONTH' }]);
    assert.equal(sulaiman.title, 'Secretary General, IARA Headquarters');
    assert.deepEqual(sulaiman.nationalities, ['SDN']);

    assert.match(rawLine('11748').text, /"nationality Somalia; DOB circa 1979-1982; alt\. DOB 1982;/);
    assert.deepEqual(entry('11748').datesOfBirth, [
      { value: '1979', precision: 'YEAR', to: '1982', circa: true },
      { value: '1982', precision: 'YEAR' },
    ]);
  });

  it('types entities and vessels and gives them no person names', () => {
    assert.match(rawLine('306').text, /^306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",.*"a\.k\.a\. 'BNC'\."/);
    const bank = entry('306');
    assert.equal(bank.type, 'ENTITY');
    assert.equal(bank.familyName, null);
    assert.deepEqual(bank.aliases, [{ name: 'BNC', quality: 'weak', kind: 'aka' }]);

    assert.match(rawLine('4243').text, /"EBANO","vessel",.*f\.k\.a\. 'ANA I'; f\.k\.a\. 'SAND SWAN'\."/);
    const vessel = entry('4243');
    assert.equal(vessel.type, 'VESSEL');
    assert.deepEqual(vessel.aliases.map((a) => [a.name, a.kind]), [['ANA I', 'fka'], ['SAND SWAN', 'fka']]);
    assert.deepEqual(vessel.documents, [], "a vessel's IMO number is not a person's document");
  });

  it('keeps every alias the remarks name', () => {
    const written = result.entries.reduce((n, e) => n + (e.remarks?.match(/[afn]\.k\.a\./g)?.length ?? 0), 0);
    assert.equal(result.entries.reduce((n, e) => n + e.aliases.length, 0), written);
  });

  it("maps programs only to the PNR Directive's categories, terrorism or sanctions", () => {
    const allowed = new Set([...directive.seriousCrimes, 'terrorism', 'sanctions']);
    for (const e of result.entries) assert.ok(allowed.has(e.offenceCategory), e.offenceCategory);
    assert.equal(offenceCategoryForPrograms(['SYRIA', 'FTO']), 'terrorism');
    assert.equal(offenceCategoryForPrograms(['CYBER2']), 'computer-related crime/cybercrime');
    assert.equal(offenceCategoryForPrograms(['ILLICIT-DRUGS-EO14059']), 'illicit trafficking in narcotic drugs and psychotropic substances');
    assert.equal(offenceCategoryForPrograms(['TCO']), 'participation in a criminal organisation');
    assert.equal(offenceCategoryForPrograms(['CUBA']), 'sanctions');
  });
});

describe('parseSdnCsv on malformed input', () => {
  const EMPTY = ',-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ';
  const row = (id: string, name: string, type: string, remarks = '-0-') => `${id},${name},${type},"SDGT"${EMPTY},${remarks}`;

  it('tokenizes quotes, embedded commas, doubled quotes, CRLF and a trailing end-of-file mark', () => {
    const text = [
      row('1', '"DOE, John ""Jack"""', '"individual"', '"DOB 1970; a.k.a. \'JJ, the ""Boss""\'."'),
      row('2', '"ACME, INC."', '-0- '),
    ].join('\r\n') + '\r\n\x1A';
    const { entries, errors } = parseSdnCsv(text);
    assert.deepEqual(errors, []);
    assert.equal(entries.length, 2);
    assert.equal(entries[0]?.primaryName, 'DOE, John "Jack"');
    assert.equal(entries[0]?.givenNames, 'John "Jack"');
    assert.deepEqual(entries[0]?.aliases, [{ name: 'JJ, the "Boss"', quality: 'weak', kind: 'aka' }]);
    assert.equal(entries[1]?.primaryName, 'ACME, INC.');
    assert.equal(entries[1]?.type, 'ENTITY');
    assert.equal(entries[1]?.line, 2);
  });

  it('reports odd rows with their line and goes on', () => {
    const text = [
      row('1', '"GOOD, One"', '"individual"'),
      '2,"SHORT, Row","individual"',
      row('x3', '"BAD, Id"', '"individual"'),
      row('4', '-0- ', '"individual"'),
      row('5', '"ODD, Type"', '"submarine"'),
      row('1', '"DUPLICATE, Id"', '"individual"'),
      row('7', '"JUNK"AFTER', '"individual"'),
      row('8', 'HALF"QUOTED', '"individual"'),
      // A stray opening quote runs into the next line; the tokenizer resumes on that line.
      '9,"OPENED',
      row('10', '"GOOD, Two"', '"individual"', '"DOB 31 Feb 1990; alt. DOB 1961"'),
      '11,"NEVER CLOSED, -0- ',
    ].join('\n');
    const { entries, errors, warnings } = parseSdnCsv(text);
    assert.deepEqual(entries.map((e) => [e.externalId, e.line]), [['1', 1], ['10', 10]]);
    assert.deepEqual(errors.map((e) => e.line), [2, 3, 4, 5, 6, 7, 8, 9, 11]);
    assert.match(errors[0]?.reason ?? '', /expected 12 fields, found 3/);
    assert.match(errors[1]?.reason ?? '', /not a number/);
    assert.match(errors[2]?.reason ?? '', /no name/);
    assert.match(errors[3]?.reason ?? '', /unknown type "submarine"/);
    assert.match(errors[4]?.reason ?? '', /more than once/);
    assert.match(errors[5]?.reason ?? '', /after a closing quote/);
    assert.match(errors[6]?.reason ?? '', /quote inside an unquoted field/);
    assert.match(errors[7]?.reason ?? '', /after a closing quote/);
    assert.match(errors[8]?.reason ?? '', /unterminated/);
    // An impossible date is a warning on an imported entry, not a lost row.
    assert.deepEqual(entries[1]?.datesOfBirth, [{ value: '1961', precision: 'YEAR' }]);
    assert.deepEqual(warnings.map((w) => w.line), [10]);
  });

  it('never throws on garbage', () => {
    let state = 0x9e3779b9;
    const alphabet = ['"', ',', '\n', '\r\n', ';', "'", 'a.k.a. ', 'DOB ', '-0-', 'x', '1', ' '];
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let i = 0; i < 80; i++) {
        state = (state * 1664525 + 1013904223) >>> 0;
        text += alphabet[state % alphabet.length];
      }
      const { entries, errors } = parseSdnCsv(text);
      for (const issue of errors) assert.ok(Number.isInteger(issue.line) && issue.line >= 1);
      assert.ok(entries.every((e) => /^\d+$/.test(e.externalId)));
    }
  });
});
