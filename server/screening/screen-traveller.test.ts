import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explanationSentences } from '@/lib/hits/explanation-sentences';
import type { ScreeningMatch, ScreeningTraveller } from './screening-types';
import { buildScreeningIndex, DEFAULT_SCREENING_THRESHOLDS, screenTraveller } from './screen';
import { sdnEntry, sdnIndex, traveller } from './sdn-list.test-helper';

// Real SDN entries, screened under the ways travel documents and bookings write names.
const matchOf = (fields: Partial<ScreeningTraveller>, externalId: string): ScreeningMatch | undefined =>
  screenTraveller(traveller(fields), sdnIndex()).find((match) => match.entryId === externalId);

function assertMatches(fields: Partial<ScreeningTraveller>, externalId: string): ScreeningMatch {
  const match = matchOf(fields, externalId);
  assert.ok(match, `${fields.familyName}, ${fields.givenNames} matches ent_num ${externalId}`);
  return match;
}

describe('screenTraveller on the SDN list: variants of listed names match', () => {
  it('transliterations', () => {
    // 2676 "AL ZAWAHIRI, Dr. Ayman"; 6365 "BIN LADIN, Usama bin Muhammad bin Awad"; 12608 "QADHAFI, Saif al-Islam"
    assertMatches({ familyName: 'Zawahri', givenNames: 'Aiman' }, '2676');
    assertMatches({ familyName: 'Bin Laden', givenNames: 'Osama' }, '6365');
    assertMatches({ familyName: 'Gaddafi', givenNames: 'Saif al-Islam' }, '12608');
    assertMatches({ familyName: 'Kadhafi', givenNames: 'Seif el Islam' }, '12608');
    // 7846 "AL-TIKRITI, Abid Hamid Mahmud"
    assertMatches({ familyName: 'Al-Tikriti', givenNames: 'Abed Hameed Mahmoud' }, '7846');
  });

  it('family and given names swapped', () => {
    assertMatches({ familyName: 'Ayman', givenNames: 'Al-Zawahiri' }, '2676');
    assertMatches({ familyName: 'Vladimir', givenNames: 'Putin' }, '35096');
  });

  it('particles missing or glued', () => {
    assertMatches({ familyName: 'Zawahiri', givenNames: 'Ayman' }, '2676');
    assertMatches({ familyName: 'Alzawahiri', givenNames: 'Ayman' }, '2676');
    assertMatches({ familyName: 'El-Zawahiri', givenNames: 'Ayman' }, '2676');
  });

  it('a typo in one word', () => {
    assertMatches({ familyName: 'Zawahiry', givenNames: 'Aymen' }, '2676');
    assertMatches({ familyName: 'Putni', givenNames: 'Vladimir' }, '35096');
    // 24999 "CULHA, Erhan"
    assertMatches({ familyName: 'Culha', givenNames: 'Erkan' }, '24999');
  });

  it('initials and missing or extra middle names', () => {
    // 35096 "PUTIN, Vladimir Vladimirovich": Russian passports for travel abroad carry no patronymic.
    assertMatches({ familyName: 'Putin', givenNames: 'Vladimir' }, '35096');
    assertMatches({ familyName: 'Putin', givenNames: 'Vladimir V.' }, '35096');
    assertMatches({ familyName: 'Al-Tikriti', givenNames: 'Abid H. Mahmud' }, '7846');
    assertMatches({ familyName: 'Zawahiri', givenNames: 'Ayman Mohammed Rabie' }, '2676');
    // 4108 "RODRIGUEZ OREJUELA, Miguel Angel"
    assertMatches({ familyName: 'Rodriguez', givenNames: 'Miguel Angel' }, '4108');
  });

  it('an alias', () => {
    // 6924 "FADHIL, Mustafa Mohamed", a.k.a. 'ANIS, Abu'
    const match = assertMatches({ familyName: 'Anis', givenNames: 'Abu' }, '6924');
    assert.equal(match.matchedName, 'ANIS, Abu');
    assert.equal(match.explanation[0]?.method, 'alias');
  });
});

describe('screenTraveller on the SDN list: look-alikes do not match', () => {
  it('someone sharing only a common family name or given name', () => {
    // 16 entries have the family name KHAN.
    const khan = screenTraveller(traveller({ familyName: 'Khan', givenNames: 'Imran' }), sdnIndex());
    assert.deepEqual(khan, []);
    assert.equal(matchOf({ familyName: 'Schmidt', givenNames: 'Vladimir' }, '35096'), undefined);
    assert.equal(matchOf({ familyName: 'Putin', givenNames: 'Igor' }, '35096'), undefined);
  });

  it('a derived name is another name', () => {
    // IVANOV is not the patronymic IVANOVICH; MOHAMMADI is not MOHAMMAD.
    assert.equal(matchOf({ familyName: 'Ivanovich', givenNames: 'Vladimir' }, '35096'), undefined);
  });

  it('a listed name with a date of birth years apart scores below the threshold', () => {
    assert.equal(matchOf({ familyName: 'Zawahiri', givenNames: 'Ayman', dateOfBirth: '1985-03-02' }, '2676'), undefined);
  });

  it('everyday names from many traditions', () => {
    const people = [
      ['Müller', 'Hans'], ['Smith', 'John'], ['García López', 'María'], ['Nguyen', 'Thanh'], ['Okafor', 'Chinedu'],
      ['Wang', 'Wei'], ['Kowalski', 'Piotr'], ['Rossi', 'Giulia'], ['Sharma', 'Priya'], ['Yılmaz', 'Ayşe'],
    ] as const;
    for (const [familyName, givenNames] of people) {
      assert.deepEqual(screenTraveller(traveller({ familyName, givenNames, dateOfBirth: '1980-05-05' }), sdnIndex()), [], familyName);
    }
  });
});

describe('screenTraveller: identifiers move the score', () => {
  it('an agreeing date of birth raises it, more for a more precise one', () => {
    const bare = assertMatches({ familyName: 'Zawahiri', givenNames: 'Ayman' }, '2676');
    const dated = assertMatches({ familyName: 'Zawahiri', givenNames: 'Ayman', dateOfBirth: '1951-06-19' }, '2676');
    assert.ok(dated.score > bare.score);
    // 9966 "AL-SHAMI, Husayn": DOB 1948 (a year only)
    const byYear = assertMatches({ familyName: 'Al-Shami', givenNames: 'Husayn', dateOfBirth: '1948-03-01' }, '9966');
    const unDated = assertMatches({ familyName: 'Al-Shami', givenNames: 'Husayn' }, '9966');
    assert.ok(byYear.score > unDated.score);
    assert.ok(dated.score - bare.score > byYear.score - unDated.score);
  });

  it('the same document number raises it and carries a weaker name', () => {
    // 2676: Passport 1084010 (Egypt)
    const bare = assertMatches({ familyName: 'Zawahiri', givenNames: 'Ayman' }, '2676');
    const documented = assertMatches({ familyName: 'Zawahiri', givenNames: 'Ayman', documentNumber: '1084-010' }, '2676');
    assert.ok(documented.score > bare.score);
    // 24999 "CULHA, Erhan", Passport U09787534: a misspelt given name and two more names, plus the passport.
    assert.equal(matchOf({ familyName: 'Culha', givenNames: 'Ercan Ali Riza' }, '24999'), undefined);
    assertMatches({ familyName: 'Culha', givenNames: 'Ercan Ali Riza', documentNumber: 'U 0978 7534' }, '24999');
  });

  it('per-source thresholds decide', () => {
    const fields = { familyName: 'Zawahiri', givenNames: 'Ayman' };
    assert.ok(screenTraveller(traveller(fields), sdnIndex(), { ...DEFAULT_SCREENING_THRESHOLDS, minScore: 0.99 }).length === 0);
    assert.ok(screenTraveller(traveller(fields), sdnIndex(), DEFAULT_SCREENING_THRESHOLDS).length > 0);
  });
});

describe('screenTraveller: the match and its explanation', () => {
  it('names the entry and version, scores in [0, 1] with three decimals, best first', () => {
    const matches = screenTraveller(traveller({ familyName: 'Kim', givenNames: 'Jong' }), sdnIndex());
    assert.ok(matches.length > 1);
    for (const [i, match] of matches.entries()) {
      assert.equal(match.entryVersion, 1);
      assert.ok(match.score >= 0 && match.score <= 1);
      assert.equal(Math.round(match.score * 1000) / 1000, match.score);
      if (i > 0) assert.ok((matches[i - 1] as ScreeningMatch).score >= match.score);
    }
  });

  it('explains five fields in order, each naming the traveller field that holds it', () => {
    const match = assertMatches(
      { familyName: 'AL-ZAWAHIRI', givenNames: 'AIMAN', dateOfBirth: '1951-06-19', nationality: 'EGY', documentNumber: '1084010' },
      '2676',
    );
    assert.deepEqual(
      match.explanation.map((item) => [item.field, item.travellerField, item.method, item.agrees]),
      [
        ['familyName', 'familyName', 'exact', true],
        ['givenNames', 'givenNames', 'transliteration', true],
        ['dateOfBirth', 'dateOfBirth', 'exact', true],
        ['nationality', 'nationality', 'absent', null],
        ['document', 'documentNumber', 'exact', true],
      ],
    );
    assert.equal(match.explanation[2]?.precision, 'DAY');
    assert.equal(match.matchedName, 'AL ZAWAHIRI, Dr. Ayman');
  });

  it('reads as sentences on the hit page', () => {
    const match = assertMatches({ familyName: 'Zawahri', givenNames: 'Aiman', dateOfBirth: '1951-06-19', documentNumber: 'P99' }, '2676');
    assert.deepEqual(
      explanationSentences(match.explanation).map((sentence) => sentence.text),
      [
        'Family name Zawahri matches AL ZAWAHIRI (phonetic, 0.95)',
        'Given name Aiman matches Dr. Ayman (transliteration, 0.95)',
        'Date of birth agrees (1951-06-19)',
        'Neither the traveller nor the list gives a nationality',
        'Document numbers differ',
      ],
    );
  });
});

describe('buildScreeningIndex', () => {
  it('indexes individuals only: an entity is never screened against a person', () => {
    const index = sdnIndex();
    assert.equal(index.stats.entriesIndexed + index.stats.entriesSkipped, 14965);
    assert.equal(index.stats.entriesIndexed, 6854);
    // 306 "BANCO NACIONAL DE CUBA"
    const entity = buildScreeningIndex([sdnEntry('306')]);
    assert.deepEqual(screenTraveller(traveller({ familyName: 'Banco Nacional De Cuba', givenNames: 'Banco' }), entity), []);
  });
});
