import 'server-only';

// Places of worship name streets everywhere (Church Street, Kirchenstraße, rue de l'Église,
// Synagogengasse). Such a street in a billing address or a remark says nothing about the
// passenger's beliefs, so a place-of-worship word that is part of a street name is not a finding.
// The lists work on normalised text (normalise-text.ts): lower-case ASCII, single spaces.

/** Words that follow the place word in English or German street names ("church st", "moschee strasse"). */
const STREET_AFTER = [
  'street', 'st', 'road', 'rd', 'lane', 'ln', 'avenue', 'ave', 'hill', 'close', 'walk', 'row', 'square', 'sq',
  'place', 'pl', 'way', 'green', 'yard', 'court', 'ct', 'terrace', 'gate', 'drive', 'dr', 'crescent', 'mews', 'path', 'grove',
  'strasse', 'str', 'gasse', 'weg', 'platz', 'allee', 'ring',
];

/** German compounds ending in a street word ("kirchenstrasse", "synagogengasse"). */
const COMPOUND_STREET_ENDING = /(?:strasse|str|gasse|weg|platz|allee|ring|pfad|steig)$/;

/** French street types and German "an der" before the place word ("rue de l eglise", "an der kirche"). */
const STREET_BEFORE =
  /(?:^| )(?:(?:rue|place|avenue|av|chemin|impasse|allee|parvis|quai|square|boulevard|bd|passage|cours|sentier|route|ruelle)(?: (?:de|du|des|d))?(?: (?:la|l|les))?|(?:an|hinter|bei) der) $/;

const AFTER = new RegExp(`^ (?:${STREET_AFTER.join('|')})(?![a-z0-9])`);

/** Whether the match text[start, end) is a place of worship used as a street name. */
export function isStreetName(text: string, start: number, end: number): boolean {
  return (
    AFTER.test(text.slice(end)) ||
    COMPOUND_STREET_ENDING.test(text.slice(start, end)) ||
    STREET_BEFORE.test(text.slice(0, start))
  );
}
