import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessDateOfBirth, explainDateOfBirth } from './compare-date-of-birth';
import { sdnEntry } from './sdn-list.test-helper';

const evidence = (date: string | null, externalId: string) => assessDateOfBirth(date, sdnEntry(externalId).datesOfBirth).evidence;

describe('dates of birth at the listed precision (real SDN entries)', () => {
  it('a full date agrees on the day only', () => {
    // 2676 AL ZAWAHIRI: DOB 19 Jun 1951
    assert.equal(evidence('1951-06-19', '2676'), 'day');
    assert.equal(evidence('1951-06-20', '2676'), 'near');
    assert.equal(evidence('1960-06-19', '2676'), 'differs');
  });

  it('a month agrees with any day of it', () => {
    // 8594 SULAIMAN, Mohammed Ibrahim: DOB Aug 1946
    assert.equal(evidence('1946-08-03', '8594'), 'month');
    assert.equal(evidence('1946-09-03', '8594'), 'near');
  });

  it('a year, one of several alternatives, agrees with any date in it', () => {
    // 9966 AL-SHAMI, Husayn: DOB 1948; alt. DOB 1954; alt. DOB 1960
    for (const date of ['1948-01-01', '1954-12-31', '1960-06-15']) assert.equal(evidence(date, '9966'), 'year');
    assert.equal(evidence('1951-06-15', '9966'), 'differs');
  });

  it('a range agrees within it and the most precise alternative wins', () => {
    // 16912 GADET, Peter: DOB 1957 to 1959
    assert.equal(evidence('1958-03-01', '16912'), 'range');
    assert.equal(evidence('1962-04-01', '16912'), 'differs');
    assert.equal(evidence('1960-04-01', '16912'), 'near');
    // 12057 NAQDI, Mohammad Reza: DOB 1951 to 1953; 1960 to 1962; Apr 1961; 1953
    assert.equal(evidence('1961-04-10', '12057'), 'month');
    assert.equal(evidence('1953-07-01', '12057'), 'year');
    assert.equal(evidence('1952-07-01', '12057'), 'range');
  });

  it('day and month swapped is a near miss, not an agreement', () => {
    // 35096 PUTIN, Vladimir Vladimirovich: DOB 07 Oct 1952
    assert.equal(evidence('1952-07-10', '35096'), 'swapped');
  });

  it('says nothing without a date on either side', () => {
    assert.equal(evidence(null, '2676'), 'unknown');
    assert.equal(evidence('19-06-1951', '2676'), 'unknown');
  });

  it('explains with the alternative the evidence rests on', () => {
    const listed = sdnEntry('12057').datesOfBirth;
    assert.deepEqual(explainDateOfBirth('1952-07-01', assessDateOfBirth('1952-07-01', listed)), {
      field: 'dateOfBirth', method: 'exact', travellerValue: '1952-07-01', travellerField: 'dateOfBirth',
      entryValue: '1951 to 1953', similarity: 1, agrees: true, precision: 'YEAR',
    });
    const swapped = explainDateOfBirth('1952-07-10', assessDateOfBirth('1952-07-10', sdnEntry('35096').datesOfBirth));
    assert.equal(swapped.method, 'fuzzy');
    assert.equal(swapped.agrees, false);
    assert.equal(swapped.entryValue, '1952-10-07');
  });
});
