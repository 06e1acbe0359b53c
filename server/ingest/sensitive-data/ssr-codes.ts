import 'server-only';
import type { SpecialCategory } from './special-category';

// IATA special service request (SSR) codes whose meaning is itself a special category under
// PNR Directive art. 13(4). Sources and the reasoning per code: README.md in this folder.

export interface SsrCodeRule {
  code: string;
  category: SpecialCategory;
  meaning: string;
  reason: string;
}

export const SSR_CODE_RULES: readonly SsrCodeRule[] = [
  // Religious meals: the code names a religion or its dietary law.
  { code: 'MOML', category: 'religion', meaning: 'Moslem meal', reason: 'Prepared under Islamic dietary law.' },
  { code: 'KSML', category: 'religion', meaning: 'Kosher meal', reason: 'Prepared under Jewish dietary law.' },
  { code: 'HNML', category: 'religion', meaning: 'Hindu meal', reason: 'Names the religion.' },
  { code: 'VJML', category: 'religion', meaning: 'Vegetarian Jain meal', reason: 'Names the religion.' },
  { code: 'AVML', category: 'religion', meaning: 'Vegetarian Hindu meal', reason: 'IATA redefined it from "Asian vegetarian" to "Vegetarian Hindu meal" in 2009; a recipient cannot tell which reading the carrier used.' },
  { code: 'KCML', category: 'religion', meaning: 'Strictly kosher child meal', reason: 'Carrier kosher variant (El Al).' },
  { code: 'KFML', category: 'religion', meaning: 'Kosher fish meal', reason: 'Carrier kosher variant (El Al).' },
  { code: 'SKML', category: 'religion', meaning: 'Strictly kosher meal', reason: 'Carrier kosher variant (El Al).' },
  { code: 'GVML', category: 'religion', meaning: 'Glatt kosher vegetarian meal', reason: 'Carrier kosher variant (El Al).' },
  // Medical meals: airlines offer these for a condition, and the code is how the condition travels.
  { code: 'DBML', category: 'health', meaning: 'Diabetic meal', reason: 'Names the condition.' },
  { code: 'GFML', category: 'health', meaning: 'Gluten intolerant meal', reason: 'IATA defines it by the intolerance (coeliac disease).' },
  { code: 'NLML', category: 'health', meaning: 'Low lactose meal', reason: 'Lactose intolerance.' },
  { code: 'LSML', category: 'health', meaning: 'Low salt meal', reason: 'Medical diet (hypertension, heart or kidney disease); airlines list it as a medical meal.' },
  { code: 'LFML', category: 'health', meaning: 'Low fat meal', reason: 'Formerly "low cholesterol, low fat": a medical diet; airlines list it as a medical meal.' },
  { code: 'BLML', category: 'health', meaning: 'Bland meal', reason: 'For ulcers, digestive disease or after stomach surgery.' },
  { code: 'LCML', category: 'health', meaning: 'Low calorie meal', reason: 'Airlines list it among medical meals; the weakest of the group, kept because a recipient cannot tell a diet from a condition.' },
  { code: 'PRML', category: 'health', meaning: 'Low purine meal', reason: 'Gout; retired by IATA in 2009 but still sent by some carriers.' },
  { code: 'LPML', category: 'health', meaning: 'Low protein meal', reason: 'Kidney disease; retired by IATA in 2009 but still sent by some carriers.' },
  { code: 'PFML', category: 'health', meaning: 'Peanut free meal', reason: 'Only ordered because of an allergy (carrier-specific code).' },
  // Assistance: each code describes an impairment of the passenger.
  { code: 'WCHR', category: 'health', meaning: 'Wheelchair to the aircraft, can climb stairs', reason: 'Reveals reduced mobility.' },
  { code: 'WCHS', category: 'health', meaning: 'Wheelchair, cannot climb stairs', reason: 'Reveals reduced mobility.' },
  { code: 'WCHC', category: 'health', meaning: 'Wheelchair to the seat, completely immobile', reason: 'Reveals reduced mobility.' },
  { code: 'WCHP', category: 'health', meaning: 'Lower-limb disability, on-board wheelchair', reason: 'ECAC Doc 30 PRM code; reveals a disability.' },
  { code: 'WCOB', category: 'health', meaning: 'On-board wheelchair requested', reason: 'Reveals reduced mobility.' },
  { code: 'WCMP', category: 'health', meaning: 'Own manual wheelchair', reason: 'Reveals reduced mobility.' },
  { code: 'WCBD', category: 'health', meaning: 'Own dry-cell battery wheelchair', reason: 'Reveals reduced mobility.' },
  { code: 'WCBW', category: 'health', meaning: 'Own wet-cell battery wheelchair', reason: 'Reveals reduced mobility.' },
  { code: 'WCLB', category: 'health', meaning: 'Own lithium battery wheelchair', reason: 'Reveals reduced mobility.' },
  { code: 'BLND', category: 'health', meaning: 'Blind or visually impaired passenger', reason: 'Names the impairment.' },
  { code: 'DEAF', category: 'health', meaning: 'Deaf or hard-of-hearing passenger', reason: 'Names the impairment.' },
  { code: 'DPNA', category: 'health', meaning: 'Intellectual or developmental disability, needs assistance', reason: 'Names a disability (dementia, autism, Down syndrome ...).' },
  { code: 'MEDA', category: 'health', meaning: 'Medical case', reason: 'Travel under medical clearance.' },
  { code: 'OXYG', category: 'health', meaning: 'Oxygen on board', reason: 'Respiratory condition; used with MEDA.' },
  { code: 'STCR', category: 'health', meaning: 'Stretcher passenger', reason: 'Reveals a medical condition.' },
  { code: 'SVAN', category: 'health', meaning: 'Service animal in cabin', reason: 'A trained assistance animal implies a disability.' },
  { code: 'ESAN', category: 'health', meaning: 'Emotional support animal in cabin', reason: 'Prescribed for a mental-health condition.' },
];

/**
 * Codes considered and kept out, with the reason: they state a preference or a service, not a
 * category, and deleting them would delete ordinary data. Free text that follows them (for example
 * "SPML NUT ALLERGY") is still read by the term rules.
 */
export const ALLOWED_SSR_CODES: readonly { code: string; reason: string }[] = [
  { code: 'VGML', reason: 'Vegan meal: chosen for taste, ethics, health or religion alike; none of them can be deduced from it.' },
  { code: 'VLML', reason: 'Vegetarian lacto-ovo meal: a preference.' },
  { code: 'VOML', reason: 'Vegetarian oriental meal: a cuisine, not a religion, in its IATA definition.' },
  { code: 'RVML', reason: 'Raw vegetarian meal: a preference.' },
  { code: 'FPML', reason: 'Fruit platter: a preference.' },
  { code: 'SFML', reason: 'Seafood meal: a preference.' },
  { code: 'CHML', reason: 'Child meal: age, which is not a special category.' },
  { code: 'BBML', reason: 'Baby meal: age.' },
  { code: 'SPML', reason: 'Generic special meal; the code says nothing, its free text is read by the term rules.' },
  { code: 'MAAS', reason: 'Meet and assist: asked for age, language or first flights as much as for health; its free text is read by the term rules.' },
  { code: 'LANG', reason: 'Language spoken: the code alone reveals nothing; a language naming an ethnic group is caught by the term rules.' },
  { code: 'EXST', reason: 'Extra seat: comfort, musical instruments or body size; no category can be deduced.' },
  { code: 'UMNR', reason: 'Unaccompanied minor: listed in Annex I element 12.' },
  { code: 'DEPA', reason: 'Deportee, accompanied: not a special category.' },
  { code: 'DEPU', reason: 'Deportee, unaccompanied: not a special category.' },
  { code: 'PETC', reason: 'Pet in cabin: a pet, not an assistance animal.' },
];
