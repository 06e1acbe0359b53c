import 'server-only';
import type { EntryContent } from '@/server/ingest/watchlists/entry-content';
import type { SdnEntry } from './parse-sdn';

/** Parsed SDN rows as watchlist entries: the title joins the remarks, which keep what has no column. */
export function sdnEntryContent(entries: readonly SdnEntry[], legalBasis: string): EntryContent[] {
  return entries.map((entry) => {
    const title = entry.title && !entry.remarks?.includes(entry.title) ? `Title: ${entry.title}` : null;
    return {
      externalId: entry.externalId,
      type: entry.type,
      primaryName: entry.primaryName,
      familyName: entry.familyName,
      givenNames: entry.givenNames,
      aliases: entry.aliases.map((alias) => ({ ...alias })),
      datesOfBirth: entry.datesOfBirth.map((dob) => ({ ...dob })),
      nationalities: entry.nationalities,
      documents: entry.documents.map((document) => ({ ...document })),
      programs: entry.programs,
      offenceCategory: entry.offenceCategory,
      legalBasis,
      remarks: [title, entry.remarks].filter(Boolean).join('; ') || null,
      expiresAt: null,
    };
  });
}
