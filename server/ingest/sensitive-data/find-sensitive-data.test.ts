import 'server-only';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findSensitiveData } from './filter';
import type { SpecialCategory } from './special-category';
import { ALLOWED_SSR_CODES } from './ssr-codes';

/** The findings for one remark, as rule ids. */
function rulesIn(text: string): string[] {
  return findSensitiveData({ generalRemarks: text }).map((finding) => finding.rule);
}

function categoriesIn(text: string): SpecialCategory[] {
  return [...new Set(findSensitiveData({ generalRemarks: text }).map((finding) => finding.category))];
}

describe('SSR codes', () => {
  const cases: [string, string, SpecialCategory][] = [
    ['SSR MOML LH HK1', 'ssr:MOML', 'religion'],
    ['SSR KSML HK1/S2/P1', 'ssr:KSML', 'religion'],
    ['hnml', 'ssr:HNML', 'religion'],
    ['SPML VJML', 'ssr:VJML', 'religion'],
    ['SSR AVML HK1', 'ssr:AVML', 'religion'],
    ['SSR DBML HK1', 'ssr:DBML', 'health'],
    ['GFML', 'ssr:GFML', 'health'],
    ['SSR WCHR LH NN1 FRAJFK', 'ssr:WCHR', 'health'],
    ['WCHC', 'ssr:WCHC', 'health'],
    ['DEAF/BLND', 'ssr:BLND', 'health'],
    ['MEDA OXYG', 'ssr:OXYG', 'health'],
    ['SSR STCR', 'ssr:STCR', 'health'],
    ['SSR DPNA HK1', 'ssr:DPNA', 'health'],
  ];
  for (const [text, rule, category] of cases) {
    it(`finds ${rule} in "${text}"`, () => {
      const findings = findSensitiveData({ generalRemarks: text });
      assert.ok(findings.some((f) => f.rule === rule && f.category === category), JSON.stringify(findings));
    });
  }

  it('matches codes whatever their case, glued to "SSR" or to passenger and segment numbers', () => {
    assert.deepEqual(rulesIn('ssr moml hk1'), ['ssr:MOML']);
    assert.deepEqual(rulesIn('SSRKSML'), ['ssr:KSML']);
    assert.deepEqual(rulesIn('3WCHR1-1.1'), ['ssr:WCHR']);
  });

  it('does not match a code inside another word', () => {
    for (const text of ['HOMOMLX', 'KSMLA', 'AWCHR', 'WCHRS', 'DL Medallion member', 'Gold medal winner', 'deafening noise', 'Contact Svante', 'BLNDX', 'XSTCR']) {
      assert.deepEqual(rulesIn(text), [], text);
    }
  });

  it('keeps preference and service codes', () => {
    for (const { code } of ALLOWED_SSR_CODES) {
      assert.deepEqual(rulesIn(`SSR ${code} LH HK1`), [], code);
    }
  });
});

describe('plain-language terms in English, German and French', () => {
  const cases: [SpecialCategory, string[]][] = [
    ['religion', ['Passenger requests halal food', 'Bitte koscheres Essen', 'repas casher', 'Muslim group', 'muslimische Reisegruppe', 'groupe musulman', 'Church choir trip', 'Kirchengemeinde Sankt Anna', 'visite de la mosquée', 'Synagoge besuchen', 'Hajj package', 'pèlerinage à Lourdes', 'JUEDISCHE GEMEINDE']],
    ['health', ['Pax is diabetic', 'Diabetiker-Menü', 'DIABÉTIQUE', 'pregnant 32 weeks', 'Schwangerschaftswoche 30', 'passagère enceinte', 'needs wheelchair to gate', 'Rollstuhlfahrer', 'fauteuil-roulant', 'HIV positive', 'Dialysepatient', 'own oxygen concentrator', 'Sauerstoffflasche', 'blind passenger', 'GEHOERLOS', 'passager sourd', 'SPML NUT ALLERGY', 'hémodialyse']],
    ['ethnic-origin', ['ethnic origin noted', 'ethnische Herkunft', 'origine ethnique', 'speaks Kurdish only', 'kurdische Familie', 'famille kurde']],
    ['political-opinion', ['delegation of a political party', 'Parteimitglied', 'Bundesparteitag', 'membre du parti', 'réfugié politique']],
    ['trade-union', ['trade union delegation', 'Gewerkschaftsmitglied', 'Invoice to IG Metall', 'délégation syndicale', 'syndicat CGT']],
    ['sex-life', ['sex worker', 'Sexarbeiterin', 'travailleuse du sexe', 'vie sexuelle']],
    ['sexual-orientation', ['same sex partner travelling', 'gay couple', 'schwules Paar', 'lesbisch', 'couple lesbienne', 'LGBTQ group']],
  ];
  for (const [category, texts] of cases) {
    for (const text of texts) {
      it(`finds ${category} in "${text}"`, () => assert.deepEqual(categoriesIn(text), [category]));
    }
  }

  it('reads words whole, not inside other words', () => {
    for (const text of ['Winston Churchill Airport', 'Gayle Smith travelling', 'blinds broken at seat 12A', 'deafening', 'Halalou', 'unionised']) {
      assert.deepEqual(rulesIn(text), [], text);
    }
  });

  it('names a term rule by its first spelling, without diacritics', () => {
    assert.deepEqual(rulesIn('Halal'), ['term:halal']);
    assert.deepEqual(rulesIn('FAUTEUIL ROULANT'), ['term:fauteuil roulant']);
    assert.deepEqual(rulesIn('Rollstühle'), ['term:rollstuhl']);
  });
});

describe('ordinary data is kept', () => {
  it('keeps everyday remarks, statuses, payments and agencies', () => {
    const ordinary = [
      'window seat', 'late check-in', 'VGML', 'SSR VGML LH HK1', 'Requests aisle seat', 'Group booking: conference delegation',
      'Rebooked after schedule change', 'Contact via travel agent', 'Ticket reissued, name correction', 'Travelling with infant on lap',
      'SSR UMNR', 'Meet and assist at the gate', 'rebooked FRA-HAJ', 'European Union delegation', 'Birthday party of 6',
      'CONFIRMED', 'CHECKED_IN', 'BOARDED', 'NO_SHOW', 'VISA ****4242', 'UNIONPAY ****1234', 'INVOICE', 'CASH',
      'Reisebüro am Markt GmbH', 'Online travel agency', 'Airline call centre', 'Blind Booking', "Syndicat d'initiative de Nice",
      'Enceinte acoustique oubliée à bord',
    ];
    for (const text of ordinary) assert.deepEqual(rulesIn(text), [], text);
  });

  it('does not read a place of worship in a street name as a belief', () => {
    for (const text of ['Billing: 12 Church Street, London', 'Church Rd 4', 'Kirchenstraße 5, Köln', 'Moscheestr. 2', "12 rue de l'Église, Paris", 'Place de la Synagogue', 'An der Kirche 3']) {
      assert.deepEqual(rulesIn(text), [], text);
    }
  });

  it('still reads the place of worship in the same text outside the street name', () => {
    assert.deepEqual(rulesIn('Church Street 4; church group leader'), ['term:church']);
  });
});

describe('findings', () => {
  it('lists each field and rule once, in field order, with every category a field reveals', () => {
    const findings = findSensitiveData({ generalRemarks: 'MOML MOML WCHR', paymentSummary: null, travelStatus: undefined, travelAgency: 'Hajj Tours' });
    assert.deepEqual(findings, [
      { field: 'generalRemarks', category: 'religion', rule: 'ssr:MOML' },
      { field: 'generalRemarks', category: 'health', rule: 'ssr:WCHR' },
      { field: 'travelAgency', category: 'religion', rule: 'term:hajj' },
    ]);
  });

  it('carries the field, the category and the rule, never the value', () => {
    const value = 'Mr Example, diabetic, insulin pump, KSML';
    const findings = findSensitiveData({ generalRemarks: value });
    assert.ok(findings.length > 0);
    for (const finding of findings) {
      assert.deepEqual(Object.keys(finding).sort(), ['category', 'field', 'rule']);
      assert.ok(!JSON.stringify(finding).includes('Example'));
    }
  });

  it('finds nothing in empty fields', () => {
    assert.deepEqual(findSensitiveData({ generalRemarks: '', travelStatus: null, paymentSummary: undefined }), []);
  });
});
