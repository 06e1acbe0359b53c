import 'server-only';

/** The special categories of PNR Directive art. 13(4) (religion includes philosophical beliefs). */
export type SpecialCategory =
  | 'religion'
  | 'health'
  | 'ethnic-origin'
  | 'political-opinion'
  | 'trade-union'
  | 'sex-life'
  | 'sexual-orientation';

export const SPECIAL_CATEGORIES: readonly SpecialCategory[] = [
  'religion',
  'health',
  'ethnic-origin',
  'political-opinion',
  'trade-union',
  'sex-life',
  'sexual-orientation',
];

/**
 * Why a field was deleted. It names the field, the category and the rule, never the value:
 * the finding goes into the access log, which must not become a store of the very data deleted.
 */
export interface SensitiveFinding {
  field: string;
  category: SpecialCategory;
  /** 'ssr:MOML' or 'term:halal'. */
  rule: string;
}
