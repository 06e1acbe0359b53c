import 'server-only';
import type { SpecialCategory } from './special-category';

// Plain-language words that reveal a special category (PNR Directive art. 13(4)) when they appear
// in a booking's free text. Spellings are written as people write them; matching ignores case,
// diacritics and punctuation, and German umlauts also match their ae/oe/ue spelling.
// Words left out on purpose, and why, are listed in README.md.

export type TermLanguage = 'en' | 'de' | 'fr';

export interface TermRule {
  /** Spellings; the first names the rule ("term:" + its normalised form). */
  forms: readonly string[];
  category: SpecialCategory;
  languages: readonly TermLanguage[];
  reason: string;
  /** Also match inside a longer word, for German compounds (Rollstuhlservice, Gewerkschaftsmitglied). */
  compound?: boolean;
  /** A place of worship: not a finding where it names a street (Church Street, rue de l'Église). */
  place?: boolean;
  /** Phrases that contain a form but reveal nothing (a syndicat d'initiative is a tourist office). */
  except?: readonly string[];
}

const ALL: readonly TermLanguage[] = ['en', 'de', 'fr'];

// Rules are written in one list per category; the category is stamped on each here.
function withCategory(category: SpecialCategory, rules: readonly Omit<TermRule, 'category'>[]): TermRule[] {
  return rules.map((rule) => ({ ...rule, category }));
}

const RELIGION = withCategory('religion', [
  { forms: ['halal'], languages: ALL, reason: 'Food permitted under Islamic law.' },
  { forms: ['kosher'], languages: ['en'], reason: 'Jewish dietary law. Also slang for "legitimate"; rare in booking text, accepted.' },
  { forms: ['koscher'], languages: ['de'], compound: true, reason: 'Jewish dietary law (koschere, koscheres).' },
  { forms: ['casher', 'cacher', 'kasher', 'cachère', 'cashère'], languages: ['fr'], reason: 'Jewish dietary law.' },
  { forms: ['muslim', 'moslem'], languages: ['en', 'de'], compound: true, reason: 'Names the religion; as a compound also Muslime, muslimisch, Moslems.' },
  { forms: ['musulman'], languages: ['fr'], compound: true, reason: 'Names the religion (musulmane, musulmans).' },
  { forms: ['islamic', 'islamisch', 'islamique'], languages: ALL, compound: true, reason: 'Names the religion. The bare word Islam is left out: it is also a given name.' },
  { forms: ['jewish'], languages: ['en'], reason: 'Names the religion.' },
  { forms: ['jüdisch'], languages: ['de'], compound: true, reason: 'Names the religion. Jude is left out: it is also a given name.' },
  { forms: ['juif', 'juive', 'juifs', 'juives'], languages: ['fr'], reason: 'Names the religion.' },
  { forms: ['hindu', 'hindus', 'hinduism'], languages: ['en', 'de'], reason: 'Names the religion. Not as a compound: Hindustan is a place.' },
  { forms: ['hinduistisch', 'hinduismus'], languages: ['de'], compound: true, reason: 'Names the religion (hinduistische).' },
  { forms: ['hindou', 'hindoue', 'hindous', 'hindoues', 'hindouiste'], languages: ['fr'], reason: 'Names the religion.' },
  { forms: ['sikh', 'sikhs'], languages: ALL, reason: 'Names the religion.' },
  { forms: ['buddhist', 'bouddhist'], languages: ALL, compound: true, reason: 'Names the religion (buddhists, buddhistisch, bouddhiste).' },
  { forms: ['catholic', 'katholisch', 'catholique'], languages: ALL, compound: true, reason: 'Names the denomination.' },
  { forms: ['protestant', 'evangelisch'], languages: ALL, compound: true, reason: 'Names the denomination.' },
  { forms: ['yazidi', 'yezidi', 'jesid'], languages: ALL, compound: true, reason: 'An ethno-religious community (Jesiden, jesidisch); filed under religion.' },
  { forms: ['atheist', 'athée'], languages: ALL, compound: true, reason: 'A philosophical belief, which art. 13(4) lists with religion (atheistisch, athées).' },
  { forms: ['church', 'churches'], languages: ['en'], place: true, reason: 'A place of worship tied to the passenger (church group, church visit). Also a surname; names are not scanned.' },
  { forms: ['kirche'], languages: ['de'], compound: true, place: true, reason: 'A place of worship (Kirchengemeinde, Kirchenchor).' },
  { forms: ['église', 'églises'], languages: ['fr'], place: true, reason: 'A place of worship.' },
  { forms: ['mosque', 'mosques'], languages: ['en'], place: true, reason: 'A place of worship.' },
  { forms: ['moschee'], languages: ['de'], compound: true, place: true, reason: 'A place of worship (Moscheegemeinde).' },
  { forms: ['mosquée', 'mosquées'], languages: ['fr'], place: true, reason: 'A place of worship.' },
  { forms: ['synagogue', 'synagogues'], languages: ['en', 'fr'], place: true, reason: 'A place of worship.' },
  { forms: ['synagoge'], languages: ['de'], compound: true, place: true, reason: 'A place of worship (Synagogengemeinde).' },
  { forms: ['pilgrimage', 'pilgrimages'], languages: ['en'], reason: 'Travel for a religious purpose. Bare "pilgrim" is left out: a surname and a business name.' },
  { forms: ['pilger', 'wallfahrt'], languages: ['de'], compound: true, reason: 'Travel for a religious purpose (Pilgerreise, Wallfahrtsort).' },
  { forms: ['pèlerinage', 'pèlerinages', 'pèlerin', 'pèlerins'], languages: ['fr'], reason: 'Travel for a religious purpose.' },
  { forms: ['hajj', 'hadj', 'hadsch', 'haddsch'], languages: ALL, reason: 'The Islamic pilgrimage. "Haj" is left out: HAJ is the Hannover airport code.' },
  { forms: ['umrah', 'umra', 'omra'], languages: ALL, reason: 'The Islamic minor pilgrimage.' },
  { forms: ['ramadan'], languages: ALL, reason: 'Religious observance (fasting, meal timing).' },
  { forms: ['imam', 'imams'], languages: ALL, reason: 'Clergy: the passenger or their party is tied to a religion.' },
  { forms: ['rabbi', 'rabbis', 'rabbiner', 'rabbin', 'rabbins'], languages: ALL, reason: 'Clergy.' },
  { forms: ['priest', 'priests', 'priester', 'prêtre', 'prêtres'], languages: ALL, reason: 'Clergy.' },
]);

const HEALTH = withCategory('health', [
  { forms: ['diabetic', 'diabetics', 'diabetes'], languages: ['en', 'de'], reason: 'Names the condition.' },
  { forms: ['diabetiker'], languages: ['de'], compound: true, reason: 'Names the condition (Diabetikermenü).' },
  { forms: ['diabétique', 'diabétiques', 'diabète'], languages: ['fr'], reason: 'Names the condition.' },
  { forms: ['pregnant', 'pregnancy'], languages: ['en'], reason: 'Pregnancy is health data (airlines ask for it for fitness to fly).' },
  { forms: ['schwanger'], languages: ['de'], compound: true, reason: 'Pregnancy (Schwangerschaft, Schwangerschaftswoche).' },
  { forms: ['enceinte', 'enceintes', 'grossesse'], languages: ['fr'], except: ['enceinte acoustique', 'enceintes acoustiques'], reason: 'Pregnancy. An "enceinte acoustique" is a loudspeaker.' },
  { forms: ['wheelchair', 'wheelchairs'], languages: ['en'], reason: 'Reduced mobility.' },
  { forms: ['rollstuhl'], languages: ['de'], compound: true, reason: 'Reduced mobility (Rollstuhlfahrer, Elektrorollstuhl).' },
  { forms: ['fauteuil roulant', 'fauteuils roulants'], languages: ['fr'], reason: 'Reduced mobility.' },
  { forms: ['hiv'], languages: ['en', 'de'], reason: 'Names the condition.' },
  { forms: ['vih'], languages: ['fr'], reason: 'Names the condition (French abbreviation).' },
  { forms: ['dialysis'], languages: ['en'], reason: 'Kidney failure.' },
  { forms: ['dialyse'], languages: ['de', 'fr'], compound: true, reason: 'Kidney failure (Dialysepatient, hémodialyse).' },
  { forms: ['oxygen'], languages: ['en'], reason: 'Medical oxygen on board: a respiratory condition.' },
  { forms: ['sauerstoff'], languages: ['de'], compound: true, reason: 'Medical oxygen (Sauerstoffflasche, Sauerstoffgerät).' },
  { forms: ['oxygène'], languages: ['fr'], reason: 'Medical oxygen.' },
  { forms: ['blind', 'blinde', 'blinder', 'blinden', 'blindes', 'visually impaired'], languages: ['en', 'de'], except: ['blind booking'], reason: 'Visual impairment. "Blind Booking" is an airline product, not a passenger.' },
  { forms: ['sehbehindert'], languages: ['de'], compound: true, reason: 'Visual impairment.' },
  { forms: ['aveugle', 'aveugles', 'malvoyant', 'malvoyante', 'malvoyants', 'malvoyantes'], languages: ['fr'], reason: 'Visual impairment.' },
  { forms: ['deaf', 'hard of hearing', 'hearing impaired'], languages: ['en'], reason: 'Hearing impairment.' },
  { forms: ['gehörlos', 'schwerhörig'], languages: ['de'], compound: true, reason: 'Hearing impairment.' },
  { forms: ['sourd', 'sourde', 'sourds', 'sourdes', 'malentendant', 'malentendante', 'malentendants', 'malentendantes'], languages: ['fr'], reason: 'Hearing impairment.' },
  { forms: ['disabled', 'disability', 'disabilities', 'reduced mobility'], languages: ['en'], reason: 'Disability.' },
  { forms: ['behindert', 'behinderung', 'mobilitätseingeschränkt', 'eingeschränkte mobilität'], languages: ['de'], compound: true, reason: 'Disability (schwerbehindert, Gehbehinderung).' },
  { forms: ['handicapé', 'handicapée', 'handicapés', 'handicapées', 'mobilité réduite'], languages: ['fr'], reason: 'Disability. The bare word handicap is left out (golf).' },
  { forms: ['prm'], languages: ALL, reason: 'Person with reduced mobility, the term of Regulation (EC) 1107/2006. PRM is also the Portimão airport code; accepted.' },
  { forms: ['medif', 'fremec', 'medical certificate', 'medical clearance', 'medical treatment', 'medical condition'], languages: ['en'], reason: 'Medical clearance to fly or travel for treatment.' },
  { forms: ['attest', 'medizinische behandlung'], languages: ['de'], reason: 'A medical certificate (ärztliches Attest) or treatment.' },
  { forms: ['certificat médical', 'traitement médical'], languages: ['fr'], reason: 'A medical certificate or treatment.' },
  { forms: ['allergy', 'allergies', 'allergic'], languages: ['en'], reason: 'An allergy, typically given with SPML.' },
  { forms: ['allergie', 'allergisch', 'allergiker', 'allergique'], languages: ['de', 'fr'], compound: true, reason: 'An allergy (Nussallergie, allergique aux arachides).' },
  { forms: ['gluten', 'coeliac', 'celiac', 'zöliakie', 'cœliaque'], languages: ALL, compound: true, reason: 'Coeliac disease; consistent with counting GFML (glutenfrei, sans gluten).' },
  { forms: ['lactose', 'laktose'], languages: ALL, compound: true, reason: 'Lactose intolerance; consistent with counting NLML.' },
  { forms: ['asthma', 'asthme'], languages: ALL, compound: true, reason: 'Names the condition (asthmatic, Asthmatiker).' },
  { forms: ['epilepsy', 'epileptic', 'epilepsie', 'epileptiker', 'épileptique'], languages: ALL, reason: 'Names the condition.' },
  { forms: ['insulin', 'insuline'], languages: ALL, compound: true, reason: 'Diabetes treatment (Insulinpumpe).' },
  { forms: ['cancer', 'chemotherapy', 'chemotherapie', 'chimiothérapie', 'krebserkrankung'], languages: ALL, reason: 'Names the condition or its treatment. German Krebs is left out: also a surname.' },
  { forms: ['autism', 'autistic', 'autismus', 'autistisch', 'autisme', 'autiste'], languages: ALL, compound: true, reason: 'Developmental condition (the DPNA group).' },
  { forms: ['dementia', 'demenz', 'démence', 'alzheimer'], languages: ALL, compound: true, reason: 'Cognitive condition (the DPNA group).' },
  { forms: ['psychiatric', 'psychiatrisch', 'psychiatrique'], languages: ALL, compound: true, reason: 'Mental-health condition.' },
  { forms: ['stretcher', 'krankentrage', 'civière'], languages: ALL, reason: 'Stretcher transport (STCR).' },
  { forms: ['krank'], languages: ['de'], compound: true, reason: 'Ill, illness (Krankheit, erkrankt, Krankenhaus).' },
  { forms: ['illness'], languages: ['en'], reason: 'Illness. Bare "ill" and "sick" are left out: too many unrelated uses.' },
  { forms: ['malade', 'malades', 'maladie', 'maladies'], languages: ['fr'], reason: 'Ill, illness.' },
  { forms: ['guide dog', 'service dog', 'assistance dog', 'service animal', 'emotional support animal'], languages: ['en'], reason: 'Assistance animal (SVAN, ESAN).' },
  { forms: ['blindenhund', 'assistenzhund', 'führhund'], languages: ['de'], compound: true, reason: 'Assistance animal.' },
  { forms: ['chien guide', "chien d'assistance"], languages: ['fr'], reason: 'Assistance animal.' },
  { forms: ['pacemaker', 'herzschrittmacher', 'stimulateur cardiaque'], languages: ALL, reason: 'Heart condition (relevant at security screening, hence in remarks).' },
]);

const ETHNIC_ORIGIN = withCategory('ethnic-origin', [
  { forms: ['ethnic', 'ethnicity', 'racial', 'skin colour', 'skin color'], languages: ['en'], reason: 'States ethnic or racial origin. "Race" is left out: a sports event.' },
  { forms: ['ethnisch', 'ethnie', 'volkszugehörigkeit', 'hautfarbe'], languages: ['de'], compound: true, reason: 'States ethnic origin. "Rasse" is left out (animals).' },
  { forms: ['ethnique', 'ethniques', 'raciale', 'raciaux', 'couleur de peau'], languages: ['fr'], reason: 'States ethnic or racial origin.' },
  { forms: ['sinti', 'rohingya'], languages: ALL, reason: 'Ethnic groups without a nationality of their own. "Roma" is left out: the Italian name of Rome.' },
  { forms: ['kurd', 'kurds', 'kurdish', 'kurde', 'kurdes', 'kurden', 'kurdin'], languages: ALL, reason: 'An ethnic group no nationality field carries; also how SSR LANG names the language. Not as a compound: Kurdistan is a place.' },
  { forms: ['kurdisch'], languages: ['de'], compound: true, reason: 'As above (kurdische, kurdischen).' },
  { forms: ['uyghur', 'uighur', 'uigure', 'uiguren', 'ouïghour', 'ouïghours'], languages: ALL, reason: 'An ethnic group no nationality field carries.' },
  { forms: ['uigurisch'], languages: ['de'], compound: true, reason: 'As above (uigurische).' },
]);

const POLITICAL_OPINION = withCategory('political-opinion', [
  {
    forms: ['political party', 'party member', 'party membership', 'party conference', 'political opinion', 'political opinions', 'political views', 'political activist', 'political refugee'],
    languages: ['en'],
    reason: 'Party membership or political views. Bare "party" is left out (birthday party, contracting party).',
  },
  {
    forms: ['politische partei', 'politischen partei', 'politischer partei', 'parteimitglied', 'parteitag', 'parteibuch', 'politische meinung', 'politische überzeugung', 'politischer flüchtling', 'politisch verfolgt'],
    languages: ['de'],
    compound: true,
    reason: 'Party membership or political views. Bare "Partei" is left out (Vertragspartei).',
  },
  {
    forms: ['parti politique', 'partis politiques', 'membre du parti', 'congrès du parti', 'opinion politique', 'opinions politiques', 'militant politique', 'militante politique', 'réfugié politique', 'réfugiée politique'],
    languages: ['fr'],
    reason: 'Party membership or political views.',
  },
]);

const TRADE_UNION = withCategory('trade-union', [
  {
    forms: ['trade union', 'trade unions', 'trade unionist', 'labour union', 'labor union', 'union member', 'union members', 'union membership', 'shop steward'],
    languages: ['en'],
    reason: 'Union membership, or a union paying for the trip. Bare "union" is left out (European Union, UnionPay).',
  },
  { forms: ['gewerkschaft'], languages: ['de'], compound: true, reason: 'Union membership (Gewerkschafter, Gewerkschaftsmitglied).' },
  {
    forms: ['syndicat', 'syndicats', 'syndical', 'syndicale', 'syndicaux', 'syndicaliste', 'syndicalistes'],
    languages: ['fr'],
    except: ["syndicat d'initiative", 'syndicat des copropriétaires', 'syndicat de copropriété', 'conseil syndical'],
    reason: 'Union membership. A syndicat d’initiative is a tourist office; a syndicat de copropriété is a flat owners’ association.',
  },
  { forms: ['dgb', 'ig metall', 'cgt', 'cfdt', 'force ouvrière'], languages: ['de', 'fr'], reason: 'National union confederations, named as payer or group.' },
]);

const SEX_LIFE = withCategory('sex-life', [
  { forms: ['sex life', 'sex worker', 'sex workers', 'swinger', 'swingers'], languages: ['en'], reason: 'Sex life.' },
  { forms: ['sexualleben', 'sexarbeit', 'swingerclub'], languages: ['de'], compound: true, reason: 'Sex life (Sexarbeiterin).' },
  { forms: ['vie sexuelle', 'travailleur du sexe', 'travailleuse du sexe', 'travailleurs du sexe', 'travailleuses du sexe', 'échangiste', 'échangistes'], languages: ['fr'], reason: 'Sex life.' },
]);

const SEXUAL_ORIENTATION = withCategory('sexual-orientation', [
  { forms: ['gay', 'gays', 'lesbian', 'lesbians', 'homosexual', 'homosexuals', 'bisexual', 'bisexuals', 'queer', 'same sex partner'], languages: ['en'], reason: 'Names the orientation. GAY is also the Gaya airport code; accepted.' },
  { forms: ['lgbt'], languages: ALL, compound: true, reason: 'LGBT, LGBTQ, LGBTQIA.' },
  { forms: ['schwul', 'lesbisch', 'homosexuell', 'bisexuell', 'gleichgeschlechtlich'], languages: ['de'], compound: true, reason: 'Names the orientation. Without its umlaut, "schwül" (humid) reads the same; accepted.' },
  { forms: ['lesbienne', 'lesbiennes', 'homosexuel', 'homosexuelle', 'homosexuels', 'homosexuelles', 'bisexuel', 'bisexuelle', 'bisexuels', 'même sexe'], languages: ['fr'], reason: 'Names the orientation.' },
]);

export const TERM_RULES: readonly TermRule[] = [
  ...RELIGION,
  ...HEALTH,
  ...ETHNIC_ORIGIN,
  ...POLITICAL_OPINION,
  ...TRADE_UNION,
  ...SEX_LIFE,
  ...SEXUAL_ORIENTATION,
];
