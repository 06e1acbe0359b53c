import 'server-only';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FREE_TEXT_FIELDS, removeSensitiveData } from './filter';

function traveller() {
  return {
    id: '0190a0c0-0000-7000-8000-000000000001',
    familyName: 'Church',
    givenNames: 'Christian',
    dateOfBirth: new Date('1980-02-03'),
    flightNumber: 'LH400',
    address: '5 Church Street, London, GBR',
    paymentSummary: 'INVOICE to IG Metall',
    travelAgency: 'Reisebüro am Markt GmbH',
    travelStatus: 'CONFIRMED',
    generalRemarks: 'SSR KSML LH HK1; SSR WCHR',
    coTravellerCount: 1,
  };
}

describe('removeSensitiveData', () => {
  it('nulls exactly the listed fields with a finding and keeps every other field', () => {
    const { traveller: cleaned, findings } = removeSensitiveData(traveller(), FREE_TEXT_FIELDS);
    assert.deepEqual(cleaned, { ...traveller(), paymentSummary: null, generalRemarks: null });
    assert.deepEqual(findings, [
      { field: 'generalRemarks', category: 'religion', rule: 'ssr:KSML' },
      { field: 'generalRemarks', category: 'health', rule: 'ssr:WCHR' },
      { field: 'paymentSummary', category: 'trade-union', rule: 'term:ig metall' },
    ]);
  });

  it('does not scan fields outside the list (address, names)', () => {
    const { traveller: cleaned } = removeSensitiveData(traveller(), FREE_TEXT_FIELDS);
    assert.equal(cleaned.address, '5 Church Street, London, GBR');
    assert.equal(cleaned.familyName, 'Church');
  });

  it('returns a copy and leaves the input as it was', () => {
    const input = Object.freeze(traveller());
    const { traveller: cleaned } = removeSensitiveData(input, FREE_TEXT_FIELDS);
    assert.notEqual(cleaned, input);
    assert.deepEqual(input, traveller());
  });

  it('puts no value text in the findings', () => {
    const input = traveller();
    const { findings } = removeSensitiveData(input, FREE_TEXT_FIELDS);
    const logged = JSON.stringify(findings);
    for (const value of [input.generalRemarks, input.paymentSummary, 'LH HK1', 'INVOICE']) assert.ok(!logged.includes(value), value);
  });

  it('is idempotent: a second run finds nothing and changes nothing', () => {
    const once = removeSensitiveData(traveller(), FREE_TEXT_FIELDS);
    const twice = removeSensitiveData(once.traveller, FREE_TEXT_FIELDS);
    assert.deepEqual(twice.findings, []);
    assert.deepEqual(twice.traveller, once.traveller);
  });

  it('leaves a traveller without sensitive text unchanged', () => {
    const clean = { ...traveller(), paymentSummary: 'VISA ****4242', generalRemarks: 'window seat' };
    const result = removeSensitiveData(clean, FREE_TEXT_FIELDS);
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.traveller, clean);
  });

  it('ignores listed fields that hold no text', () => {
    const result = removeSensitiveData({ generalRemarks: null, travelStatus: 3 }, ['generalRemarks', 'travelStatus']);
    assert.deepEqual(result, { traveller: { generalRemarks: null, travelStatus: 3 }, findings: [] });
  });
});
