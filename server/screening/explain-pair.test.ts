import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explanationSentences } from '@/lib/hits/explanation-sentences';
import { explainPair } from './explain-pair';
import { sdnEntry, traveller } from './sdn-list.test-helper';

describe('explainPair', () => {
  it('explains a pair another engine matched, in the same five fields', () => {
    // 35096 "PUTIN, Vladimir Vladimirovich", DOB 07 Oct 1952, nationality Russia
    const explanation = explainPair(traveller({ familyName: 'PUTIN', givenNames: 'VLADIMIR', dateOfBirth: '1952-07-10', nationality: 'RUS' }), sdnEntry('35096'));
    assert.deepEqual(
      explanationSentences(explanation).map((sentence) => [sentence.verdict, sentence.text]),
      [
        ['agrees', 'Family name PUTIN matches PUTIN (exact, 1.00)'],
        ['agrees', 'Given name VLADIMIR matches VLADIMIR (exact, 1.00)'],
        ['near', 'Date of birth 1952-07-10 differs from 1952-10-07: day and month may be swapped'],
        ['agrees', 'Nationality RUS agrees'],
        ['unknown', 'Neither the traveller nor the list gives a document number'],
      ],
    );
  });

  it('explains a pair that does not match at all', () => {
    const explanation = explainPair(traveller({ familyName: 'Müller', givenNames: 'Hans', dateOfBirth: '1980-01-01', documentNumber: 'X1' }), sdnEntry('2676'));
    assert.deepEqual(
      explanation.map((item) => [item.field, item.method, item.agrees]),
      [
        ['familyName', 'none', false],
        ['givenNames', 'none', false],
        ['dateOfBirth', 'none', false],
        ['nationality', 'absent', null],
        ['document', 'none', false],
      ],
    );
  });

  it('explains a traveller without names against an entity', () => {
    // 306 "BANCO NACIONAL DE CUBA"
    const explanation = explainPair(traveller({}), sdnEntry('306'));
    assert.equal(explanation.length, 5);
    assert.ok(explanation.every((item) => item.method === 'absent' && item.agrees === null));
  });
});
