import 'server-only';
import type { SdnEntry } from '@/server/ingest/ofac/parse-sdn';
import type { ScreeningEntry } from './screening-types';

/** A parsed OFAC SDN row as the engine screens it; the entry id is OFAC's ent_num. */
export function screeningEntryFromSdn(entry: SdnEntry, version = 1): ScreeningEntry {
  return {
    id: entry.externalId,
    version,
    type: entry.type,
    primaryName: entry.primaryName,
    familyName: entry.familyName,
    givenNames: entry.givenNames,
    aliases: entry.aliases.map(({ name, quality }) => ({ name, quality })),
    datesOfBirth: entry.datesOfBirth.map(({ value, precision, to }) => (to === undefined ? { value, precision } : { value, precision, to })),
    nationalities: entry.nationalities,
    documents: entry.documents.map(({ number, type, country }) => ({ number, type, country })),
  };
}
